package io.imagefactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The report page, read back with an HTML5 parser as a browser reads it. */
class ReportRendererTest {
  private static final ReportModel SMALL = ReportModels.small();
  private static final Document PAGE = Jsoup.parse(ReportRenderer.render(SMALL));

  /**
   * The page as approved, with the style sheet, the script and their hashes left out: they are
   * the same for every report (and checked below), so a change to them is not a change of what
   * the model renders to.
   */
  @Test
  void rendersTheSmallModelAsApproved() {
    String page = ReportRenderer.render(SMALL).replace(ReportAssets.CSS, "/* report.css */")
        .replace(ReportAssets.JS, "/* report.js */").replaceAll("'sha256-[A-Za-z0-9+/=]+'", "'sha256-…'");
    Approvals.verify(page, new Options().forFile().withExtension(".html"));
  }

  @Test
  void drawsOneNodePerImageAndOnePathPerEdge() {
    assertThat(PAGE.select("#graph g.node").eachAttr("data-node"))
        .containsExactlyElementsOf(SMALL.images().stream().map(ReportImage::name).toList());
    assertThat(PAGE.select("#graph path.edge").stream().map(p -> p.attr("data-from") + " -> " + p.attr("data-to")))
        .containsExactlyElementsOf(SMALL.edges().stream().map(e -> e.base() + " -> " + e.dependent()).toList());
    assertThat(PAGE.select("#graph path.edge").eachAttr("d")).allMatch(d -> d.matches("M[0-9.]+,[0-9.]+( L[0-9.]+,[0-9.]+)+"));
  }

  @Test
  void coloursNodesByKindAndRebuildStatus() {
    assertThat(node("payments-api").classNames()).contains("kind-managed", "status-pending");
    assertThat(node("web-portal").classNames()).contains("kind-managed", "status-overdue");
    assertThat(node("redis").classNames()).contains("kind-external", "status-none");
    assertThat(node("node-22").classNames()).contains("kind-base", "status-none");
    assertThat(node("node-22").selectFirst("title").text()).isEqualTo("node-22 (base)");
  }

  @Test
  void listsPendingAndOverdueRebuildsSoonestDueFirst() {
    assertThat(rowNames("#rebuilds")).containsExactly("web-portal", "payments-api", "billing");
    Element payments = row("#rebuilds", "payments-api");
    assertThat(payments.text()).contains("pending", "java-base: sha256:111111111111… → sha256:222222222222…",
        "2026-11-20 12:00 UTC (4 d ago)", "2026-11-27 12:00 UTC (in 3 d)");
    assertThat(row("#rebuilds", "web-portal").text()).contains("overdue", "(9 h ago)", "no new build 9 h after");
  }

  @Test
  void listsTheLastTriggersNewestFirstWithLinksToTheirRuns() {
    assertThat(rowNames("#triggers")).containsExactly("docs-site", "backstage", "web-portal");
    Element link = row("#triggers", "backstage").selectFirst("a");
    assertThat(link.attr("href")).isEqualTo("https://github.com/acme/backstage/actions/runs/99");
    assertThat(link.text()).isEqualTo("#99");
    assertThat(link.attr("rel")).isEqualTo("noopener noreferrer");
    assertThat(row("#triggers", "docs-site").select("a")).isEmpty();
    assertThat(row("#triggers", "docs-site").text()).contains("javascript:alert(1)", "failed", "GitHub answered 422");
  }

  @Test
  void showsEachImagesVerificationPhaseCatalogComponentAndBases() {
    Element redis = row("#images", "redis");
    assertThat(redis.select("td").eachText()).containsExactly("redis", "external", "docker.io/library/redis", "—",
        "—", "—", "—", "Unavailable registry answered 503", "—", "—", "0");
    Element web = row("#images", "web-portal");
    assertThat(web.select("td").get(8).text()).isEqualTo("—");
    assertThat(web.select("td").get(9).text()).isEqualTo("nginx-1-27-alpine, node-22");
    assertThat(row("#images", "node-22").select("td").last().text()).isEqualTo("3");
    assertThat(row("#catalog", "backstage").text()).isEqualTo("platform/backstage backstage");
    assertThat(rowNames("#catalog")).containsExactly("payments-api", "backstage", "java-base");
  }

  @Test
  void givesTheSearchTheWordsOfEachImage() {
    assertThat(row("#images", "web-portal").attr("data-search"))
        .isEqualTo("web-portal managed ghcr.io/acme/web-portal team-web-portal 1.4.2 " + ReportModels.OLD
            + " overdue pending nginx-1-27-alpine node-22");
  }

  @Test
  void loadsNothingFromAnywhere() {
    assertThat(PAGE.select("[src], link, iframe, object, embed, img, form, base")).isEmpty();
    assertThat(PAGE.select("[href]").eachAttr("href"))
        .allMatch(h -> h.startsWith("#") || h.equals("https://github.com/acme/backstage/actions/runs/99")
            || h.equals("https://gitlab.com/acme/web/portal/-/pipelines/4711"));
    String css = PAGE.selectFirst("style").data();
    assertThat(css).doesNotContain("@import").doesNotContain("@font-face");
    assertThat(css.replace("url(#arrow)", "")).doesNotContain("url(");
    assertThat(PAGE.select("script")).hasSize(1);
    assertThat(PAGE.selectFirst("script").data()).doesNotContain("fetch(", "XMLHttpRequest", "import(", "http");
  }

  @Test
  void allowsOnlyItsOwnStyleAndScriptByHash() throws Exception {
    String csp = PAGE.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertThat(csp).startsWith("default-src 'none'; ")
        .contains("style-src '" + sha256(PAGE.selectFirst("style").data()) + "'")
        .contains("script-src '" + sha256(PAGE.selectFirst("script").data()) + "'");
  }

  @Test
  void givesTheSameBytesForTheSameModelInAnyOrder() {
    List<ReportImage> images = new ArrayList<>(SMALL.images());
    List<ReportModel.Edge> edges = new ArrayList<>(SMALL.edges());
    Collections.shuffle(images, new Random(3));
    Collections.shuffle(edges, new Random(4));
    ReportModel shuffled = new ReportModel(SMALL.title(), SMALL.generatedAt(), images, edges);
    assertThat(ReportRenderer.render(shuffled)).isEqualTo(ReportRenderer.render(SMALL));
  }

  @Test
  void rendersAnEmptyFleet() {
    Document page = Jsoup.parse(ReportRenderer.render(new ReportModel("empty", ReportModels.NOW, List.of(), List.of())));
    assertThat(page.select("#graph g.node")).isEmpty();
    assertThat(page.selectFirst("#graph").attr("data-largest")).isEqualTo("0 0 0 0");
    assertThat(page.select("#rebuilds tbody tr").eachText()).containsExactly("No rebuild is pending.");
    assertThat(page.select("#catalog tbody tr").eachText()).containsExactly("No image names a catalog component.");
  }

  @Test
  void statesWhenItWasGenerated() {
    assertThat(PAGE.selectFirst("header .meta").text())
        .startsWith("Generated 2026-11-24 12:00 UTC · 11 images (6 managed, 2 external, 3 base), 7 built-from links");
    assertThat(PAGE.selectFirst("header time").attr("datetime")).isEqualTo("2026-11-24T12:00:00Z");
  }

  private static Element node(String name) {
    return PAGE.select("#graph g.node").stream().filter(g -> g.attr("data-node").equals(name)).findFirst().orElseThrow();
  }

  private static List<String> rowNames(String section) {
    return PAGE.select(section + " tbody tr[data-image]").eachAttr("data-image");
  }

  private static Element row(String section, String image) {
    return PAGE.select(section + " tbody tr[data-image]").stream().filter(r -> r.attr("data-image").equals(image))
        .findFirst().orElseThrow();
  }

  static String sha256(String text) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return "sha256-" + Base64.getEncoder().encodeToString(hash);
  }
}
