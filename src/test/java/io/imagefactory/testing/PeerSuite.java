package io.imagefactory.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * One file of the peer suite in src/test/resources/kargo-selection (Kargo's and Masterminds'
 * own test vectors, copied byte for byte), turned into one dynamic test per vector.
 *
 * <p>A section is a top-level array of objects. Every section must be either run or skipped with
 * a reason, and must hold the number of vectors the test expects; the last dynamic test checks
 * that, so a dropped file, section or row fails instead of passing quietly. Skipped vectors show
 * up as skipped tests, each with its reason.
 */
public final class PeerSuite {
  /** Where the copied suite lives, relative to the project root (Surefire's working directory). */
  public static final Path ROOT = Path.of("src/test/resources/kargo-selection");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String file;
  private final JsonNode json;
  private final List<DynamicTest> tests = new ArrayList<>();
  private final Map<String, Integer> expected = new LinkedHashMap<>();
  private final Map<String, int[]> tally = new TreeMap<>(); // section -> {run, skipped}

  private PeerSuite(String file, JsonNode json) {
    this.file = file;
    this.json = json;
  }

  /** Opens {@code file}, e.g. {@code masterminds-semver/version-parse.json}. */
  public static PeerSuite open(String file) {
    try {
      return new PeerSuite(file, JSON.readTree(ROOT.resolve(file).toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the peer-suite file " + file, e);
    }
  }

  /** The whole file, for fields outside the sections. */
  public JsonNode json() {
    return json;
  }

  /** Runs {@code body} on each of the {@code count} vectors of {@code section}. */
  public PeerSuite run(String section, int count, Consumer<JsonNode> body) {
    return each(section, count, row -> Optional.empty(), body);
  }

  /** Skips all {@code count} vectors of {@code section}, for {@code reason}. */
  public PeerSuite skip(String section, int count, String reason) {
    return each(section, count, row -> Optional.of(reason), row -> {});
  }

  /**
   * Runs {@code body} on each vector of {@code section} for which {@code skipReason} is empty and
   * skips the others with the reason it gives.
   */
  public PeerSuite each(String section, int count, Function<JsonNode, Optional<String>> skipReason, Consumer<JsonNode> body) {
    expected.put(section, count);
    int[] counts = tally.computeIfAbsent(section, s -> new int[2]);
    JsonNode rows = json.path(section);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      Optional<String> reason = skipReason.apply(row);
      counts[reason.isPresent() ? 1 : 0]++;
      String name = section + "[" + i + "] " + row.path("at").asText(row.path("name").asText(""));
      tests.add(DynamicTest.dynamicTest(name, () -> {
        Assumptions.assumeTrue(reason.isEmpty(), () -> "skipped: " + reason.orElse(""));
        body.accept(row);
      }));
    }
    return this;
  }

  /** The vectors, then the test that every section was handled and none went missing. */
  public Stream<DynamicTest> tests() {
    List<DynamicTest> all = new ArrayList<>(tests);
    all.add(DynamicTest.dynamicTest(file + ": every vector accounted for", this::checkCounts));
    return all.stream();
  }

  /** {@code section: run/total (skipped)} for each section, as the report prints it. */
  public String summary() {
    StringBuilder s = new StringBuilder(file).append(':');
    tally.forEach((section, c) -> s.append(' ').append(section).append(' ').append(c[0]).append('/')
        .append(c[0] + c[1]).append(c[1] > 0 ? " (" + c[1] + " skipped)" : ""));
    return s.toString();
  }

  private void checkCounts() {
    Map<String, Integer> inFile = new LinkedHashMap<>();
    json.properties().forEach(e -> {
      if (e.getValue().isArray() && e.getValue().size() > 0 && e.getValue().get(0).isObject()) {
        inFile.put(e.getKey(), e.getValue().size());
      }
    });
    assertThat(inFile).as("vectors per section in %s", file).containsExactlyInAnyOrderEntriesOf(expected);
    tally.forEach((section, c) -> assertThat(c[0] + c[1]).as("run + skipped in %s", section).isEqualTo(inFile.get(section)));
  }
}
