package io.imagefactory.kargo;

import io.imagefactory.config.DnsLabel;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KargoNamesTest {
  private static final String LONG = "a".repeat(40) + "-" + "b".repeat(22); // 63 characters

  @Test
  void keepsPrefixedNamesThatFit() {
    assertThat(KargoNames.prefixed(KargoNames.OBSERVE, "node-22")).isEqualTo("observe-node-22");
  }

  @Test
  void shortensLongNamesToValidLabelsOf63Characters() {
    String name = KargoNames.prefixed(KargoNames.REBUILD, LONG);
    assertThat(name).hasSize(63).startsWith("rebuild-aaaa");
    assertThat(DnsLabel.isValid(name)).isTrue();
  }

  @Test
  void givesLongNamesThatShareTheirStartDistinctStableNames() {
    String other = LONG.substring(0, 62) + "c";
    assertThat(KargoNames.prefixed(KargoNames.ANALYZE, LONG))
        .isNotEqualTo(KargoNames.prefixed(KargoNames.ANALYZE, other))
        .isEqualTo(KargoNames.prefixed(KargoNames.ANALYZE, LONG));
  }

  @Test
  void neverEndsTheCutPartWithADash() {
    String name = KargoNames.prefixed(KargoNames.OBSERVE, "a".repeat(45) + "-" + "b".repeat(17));
    assertThat(DnsLabel.isValid(name)).isTrue();
    assertThat(name).doesNotContain("--");
  }
}
