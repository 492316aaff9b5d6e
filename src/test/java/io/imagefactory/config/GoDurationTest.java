package io.imagefactory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Go's verdicts on durations, from Go's own {@code time/time_test.go} (BSD licence, The Go
 * Authors): {@code durationTests} (printing), {@code parseDurationTests} and {@code
 * parseDurationErrorTests}, every case a Java string can hold.
 */
class GoDurationTest {
  private static final long NS = 1;
  private static final long US = 1_000 * NS;
  private static final long MS = 1_000 * US;
  private static final long S = 1_000 * MS;
  private static final long M = 60 * S;
  private static final long H = 60 * M;

  @ParameterizedTest
  @CsvSource({
    "0s, 0", "1ns, 1", "1.1µs, 1100", "2.2ms, 2200000", "3.3s, 3300000000", "4m5s, 245000000000",
    "4m5.001s, 245001000000", "5h6m7.001s, 18367001000000", "8m0.000000001s, 480000000001",
    "2562047h47m16.854775807s, 9223372036854775807", "-2562047h47m16.854775808s, -9223372036854775808"})
  void printsAsGo(String text, long nanos) {
    assertThat(GoDuration.format(nanos)).isEqualTo(text);
    if (nanos > 0) {
      assertThat(GoDuration.format(-nanos)).isEqualTo("-" + text);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0", "5s, 5000000000", "30s, 30000000000", "1478s, 1478000000000", "-5s, -5000000000",
    "+5s, 5000000000", "-0, 0", "+0, 0", "5.0s, 5000000000", "5.6s, 5600000000", "5.s, 5000000000",
    ".5s, 500000000", "1.0s, 1000000000", "1.00s, 1000000000", "1.004s, 1004000000", "1.0040s, 1004000000",
    "100.00100s, 100001000000", "10ns, 10", "11us, 11000", "12µs, 12000", "12μs, 12000", "13ms, 13000000",
    "14s, 14000000000", "15m, 900000000000", "16h, 57600000000000", "3h30m, 12600000000000",
    "10.5s4m, 250500000000", "-2m3.4s, -123400000000", "1h2m3s4ms5us6ns, 3723004005006",
    "39h9m14.425s, 140954425000000", "52763797000ns, 52763797000", "0.3333333333333333333h, 1200000000000",
    "9007199254740993ns, 9007199254740993", "9223372036854775807ns, 9223372036854775807",
    "9223372036854775.807us, 9223372036854775807", "9223372036s854ms775us807ns, 9223372036854775807",
    "-9223372036854775808ns, -9223372036854775808", "-9223372036854775.808us, -9223372036854775808",
    "-9223372036s854ms775us808ns, -9223372036854775808", "-2562047h47m16.854775808s, -9223372036854775808",
    "0.100000000000000000000h, 360000000000", "0.830103483285477580700h, 2988372539827"})
  void parsesAsGo(String text, long nanos) {
    assertThat(GoDuration.parse(text)).isEqualTo(OptionalLong.of(nanos));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "3", "-", "s", ".", "-.", ".s", "+.s", "1d", "\uFFFD", "\uFFFD hello \uFFFD world",
    "9223372036854775810ns", "9223372036854775808ns", "-9223372036854775809ns", "9223372036854776us", "3000000h",
    "9223372036854775.808us", "9223372036854ms775us808ns"})
  void refusesWhatGoRefuses(String text) {
    assertThat(GoDuration.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"5m0s, 5m0s", "10m, 10m0s", "168h, 168h0m0s", "90m, 1h30m0s", "1.5h, 1h30m0s", "30s, 30s", "1h0m0s, 1h0m0s"})
  void canonicalFormIsWhatKargoStores(String written, String stored) {
    assertThat(GoDuration.canonical(written)).contains(stored);
  }

  @ParameterizedTest
  @ValueSource(strings = {"5m", "1h", "10m0s", "1.5h"})
  void kargosCrdPatternAcceptsUnitsUpToHours(String text) {
    assertThat(GoDuration.isValid(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "1d", "500ms", "-5m", "5 m"})
  void kargosCrdPatternRefusesTheRest(String text) {
    assertThat(GoDuration.isValid(text)).isFalse();
  }
}
