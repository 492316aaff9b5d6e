package io.imagefactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Names, owners, messages and URLs come from images.yaml and state, which anyone with a pull
 * request writes: in the page they stay text, whatever they hold.
 */
class ReportEscapingTest {
  /** Markup, script, both quotes, an ampersand and characters HTML forbids. */
  static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=\"alert(1)\">&amp;\u0000\u001b\u007f"
      + "\ud800\u2028</svg></text>";
  /** Every string but the run URLs gets the hostile text; those stay links to compare the structure. */
  static final UnaryOperator<String> HOSTILE_NAMES = s -> s.startsWith("https://") ? s : s + HOSTILE;

  private static final Document BENIGN = Jsoup.parse(ReportRenderer.render(ReportModels.small()));
  private static final String HOSTILE_HTML = ReportRenderer.render(ReportModels.small(HOSTILE_NAMES));
  private static final Document PAGE = Jsoup.parse(HOSTILE_HTML);

  @Test
  void hostileNamesLeaveThePageWithTheSameElementsAndAttributes() {
    assertThat(shape(PAGE.body())).isEqualTo(shape(BENIGN.body()));
    assertThat(shape(PAGE.head())).isEqualTo(shape(BENIGN.head()));
    assertThat(PAGE.select("script")).hasSize(1);
    assertThat(PAGE.select("img")).isEmpty();
    assertThat(PAGE.getAllElements().stream().flatMap(e -> e.attributes().asList().stream()).map(Attribute::getKey))
        .noneMatch(k -> k.startsWith("on"));
  }

  @Test
  void hostileNamesAreShownAsTheTextTheyAre() {
    String shown = HOSTILE.replace("\u0000", "\uFFFD").replace("\u001b", "\uFFFD").replace("\u007f", "\uFFFD")
        .replace("\ud800", "\uFFFD");
    assertThat(PAGE.select("#graph g.node").first().attr("data-node")).isEqualTo("backstage" + shown);
    assertThat(PAGE.select("#graph g.node text").first().text()).startsWith("backstage<script>alert(");
    assertThat(PAGE.select("#images tbody tr").first().selectFirst("button").wholeText())
        .isEqualTo("backstage" + shown);
    assertThat(PAGE.selectFirst("title").text()).startsWith("Fleet report: image-factory<script>alert('x')");
  }

  @Test
  void writesNoCharacterHtmlForbids() {
    assertThat(HOSTILE_HTML).doesNotContain("\u0000", "\u001b", "\u007f")
        .doesNotContainPattern("[\\x{0001}-\\x{0008}\\x{000B}\\x{000C}\\x{000E}-\\x{001F}]");
    assertThat(HOSTILE_HTML.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF)).isEmpty();
  }

  @Test
  void linksOnlyToWebUrls() {
    for (String url : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "//evil.example/x", "/relative", "https://x/\"onmouseover=a()",
        "vbscript:x", "file:///etc/passwd", "https:/no-host"}) {
      Rebuild.Trigger trigger = new Rebuild.Trigger(ReportModels.NOW, Optional.of(url), Optional.of("7"));
      assertThat(Jsoup.parseBodyFragment(Cells.run(trigger)).select("a")).as(url).isEmpty();
    }
    Rebuild.Trigger web = new Rebuild.Trigger(ReportModels.NOW,
        Optional.of("https://gitlab.example.com/g/p/-/pipelines/7?a=1&b=2"), Optional.of("7"));
    assertThat(Jsoup.parseBodyFragment(Cells.run(web)).selectFirst("a").attr("href"))
        .isEqualTo("https://gitlab.example.com/g/p/-/pipelines/7?a=1&b=2");
  }

  /** The element tree as tag names and attribute names, without text or attribute values. */
  private static String shape(Element e) {
    StringBuilder s = new StringBuilder("<").append(e.tagName());
    e.attributes().asList().forEach(a -> s.append(' ').append(a.getKey()));
    s.append('>');
    e.children().forEach(c -> s.append(shape(c)));
    return s.append("</").append(e.tagName()).append('>').toString();
  }
}
