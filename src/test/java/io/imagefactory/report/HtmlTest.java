package io.imagefactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesTheFiveCharactersMarkupGivesMeaning() {
    assertThat(Html.escape("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
  }

  @Test
  void replacesCharactersHtmlForbidsAndKeepsTheRest() {
    assertThat(Html.escape("a\u0000b\u001bc\u007fd\u0085e")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
    assertThat(Html.escape("lone \ud800 and \udc00")).isEqualTo("lone \uFFFD and \uFFFD");
    assertThat(Html.escape("\uFDD0\uFFFE\uD83F\uDFFF")).isEqualTo("\uFFFD\uFFFD\uFFFD");
    assertThat(Html.escape("tab\tnew\nline é 😀 \u2028")).isEqualTo("tab\tnew\nline é 😀 \u2028");
  }

  @Test
  void acceptsOnlyAbsoluteWebUrlsAsLinkTargets() {
    assertThat(Html.linkTarget("https://github.com/a/b/actions/runs/1")).contains("https://github.com/a/b/actions/runs/1");
    assertThat(Html.linkTarget("HTTP://gitlab.local:8080/x")).contains("HTTP://gitlab.local:8080/x");
    assertThat(Html.linkTarget("javascript:alert(1)")).isEmpty();
    assertThat(Html.linkTarget("data:text/html,x")).isEmpty();
    assertThat(Html.linkTarget("/runs/1")).isEmpty();
    assertThat(Html.linkTarget("https://a b")).isEmpty();
  }

  @Test
  void writesCoordinatesWithAtMostOneDecimal() {
    assertThat(Html.number(12)).isEqualTo("12");
    assertThat(Html.number(12.04)).isEqualTo("12");
    assertThat(Html.number(12.25)).isEqualTo("12.3");
    assertThat(Html.number(1234567.89)).isEqualTo("1234567.9");
  }
}
