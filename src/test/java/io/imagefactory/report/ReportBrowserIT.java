package io.imagefactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.bench.SyntheticFleet;
import io.imagefactory.cli.Main;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.testing.RealComponents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report in a real browser: Debian's headless Chromium driven through its chromedriver by
 * Selenium, the page loaded from file:// as someone who downloaded it would open it. Screenshots
 * go to target/report-screenshots/.
 */
class ReportBrowserIT {
  private static final Path SCREENSHOTS = Path.of("target/report-screenshots");
  /** The bound for the 1,000-image report, from navigation start to the graph on screen. */
  private static final double RENDER_BOUND_MS = 2000;

  @TempDir static Path tmp;
  static ChromeDriver browser;

  @BeforeAll
  static void startChromium() {
    Path chromium = RealComponents.require("chromium", "apt-get install chromium chromium-driver (.ci/run does)");
    Path chromedriver = RealComponents.require("chromedriver", "apt-get install chromium-driver (.ci/run does)");
    // A driver given by path: Selenium Manager, which would download one, never runs.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    // The background-networking flags keep Chromium from calling hosts this machine cannot reach.
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + tmp.resolve("profile"), "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void showsTheExampleFleetWithItsGraphAndNoConsoleError() throws IOException {
    Path site = tmp.resolve("example");
    assertThat(Main.commandLine().execute("report", "--root", ".", "--out", site.toString())).isZero();
    ReportModel model = FleetReport.model(FleetMerger.merge(new Checkout(Path.of(".")).load().inputs()), Instant.EPOCH);

    open(site.resolve("index.html"));
    assertThat(strings("return [...document.querySelectorAll('#graph g.node')].map(g => g.dataset.node)"))
        .containsExactlyElementsOf(model.images().stream().map(ReportImage::name).toList());
    assertThat(strings("return [...document.querySelectorAll('#graph path.edge')]"
        + ".map(p => p.dataset.from + ' -> ' + p.dataset.to)"))
        .containsExactlyElementsOf(model.edges().stream().map(e -> e.base() + " -> " + e.dependent()).toList());
    screenshot("example-fleet.png");
    assertThat(consoleProblems()).isEmpty();
  }

  @Test
  void searchHidesRowsAndDimsNodesThatDoNotMatch() throws IOException {
    Path page = render("search", ReportModels.small());
    open(page);
    search().sendKeys("NGINX");
    assertThat(visibleRows("#image-table")).containsExactly("docs-site", "nginx-1-27-alpine", "web-portal");
    assertThat(visibleRows("#rebuilds")).containsExactly("web-portal");
    assertThat(visibleRows("#triggers")).containsExactly("docs-site", "web-portal");
    assertThat(strings("return [...document.querySelectorAll('#graph g.node:not(.dim)')].map(g => g.dataset.node)"))
        .containsExactly("docs-site", "nginx-1-27-alpine", "web-portal");
    assertThat(strings("return [...document.querySelectorAll('#graph path.edge:not(.dim)')].map(p => p.dataset.to)"))
        .containsExactly("docs-site", "web-portal");
    assertThat(browser.findElement(By.id("search-count")).getText()).isEqualTo("3 of 11 images");
    screenshot("search.png");

    search().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    assertThat(visibleRows("#image-table")).hasSize(11);
    assertThat(number("return document.querySelectorAll('#graph .dim').length")).isZero();
    assertThat(consoleProblems()).isEmpty();
  }

  @Test
  void clickingANodeHighlightsItsRowAndScrollsToIt() throws IOException {
    open(render("click", ReportModels.small()));
    browser.findElement(By.cssSelector("#graph g.node[data-node='java-base']")).click();

    assertThat(strings("return [...document.querySelectorAll('tr.hl')].map(r => r.dataset.image)"))
        .containsExactly("java-base");
    assertThat(strings("return [...document.querySelectorAll('g.node.selected')].map(g => g.dataset.node)"))
        .containsExactly("java-base");
    assertThat(bool("const r = document.querySelector('tr.hl').getBoundingClientRect();"
        + " return r.top >= 0 && r.bottom <= window.innerHeight")).isTrue();
    assertThat(consoleProblems()).isEmpty();
  }

  @Test
  void hostileNamesNeitherRunScriptNorAddElements() throws IOException {
    open(render("hostile", ReportModels.small(ReportEscapingTest.HOSTILE_NAMES)));
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(number("return document.querySelectorAll('img, script').length")).isEqualTo(1);
    assertThat(strings("return [document.querySelector('#graph g.node').dataset.node]").get(0))
        .startsWith("backstage<script>alert('x')</script><img src=x onerror=\"alert(1)\">&amp;\uFFFD\uFFFD\uFFFD");
    search().sendKeys("<script>");
    assertThat(visibleRows("#image-table")).hasSize(11);
    assertThat(consoleProblems()).isEmpty();
  }

  @Test
  void rendersTheReportOfAThousandImagesInUnderTwoSeconds() throws IOException {
    ReportModel model = SyntheticReport.write(tmp.resolve("fleet"), new SyntheticFleet.Shape(1000, 200, 1));
    Path page = render("synthetic", model);
    List<double[]> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      open(page);
      runs.add(timings());
    }
    double load = median(runs, 0);
    double drawn = median(runs, 1);
    System.out.printf(Locale.ROOT, "1,000-image report (%d nodes, %d edges, %,d bytes): load event end %.0f ms,"
        + " graph drawn %.0f ms (median of %d loads: %s)%n", model.images().size(), model.edges().size(),
        Files.size(page), load, drawn, runs.size(), describe(runs));

    assertThat(number("return document.querySelectorAll('#graph g.node').length")).isEqualTo(model.images().size());
    assertThat(number("return document.querySelectorAll('#graph path.edge').length")).isEqualTo(model.edges().size());
    assertThat(number("return document.querySelectorAll('#image-table tbody tr').length"))
        .isEqualTo(model.images().size());
    screenshot("synthetic-1000.png");
    assertThat(consoleProblems()).isEmpty();
    assertThat(load).as("load event end, ms").isLessThan(RENDER_BOUND_MS);
    assertThat(drawn).as("graph drawn, ms").isLessThan(RENDER_BOUND_MS);
  }

  @Test
  void searchOfAThousandImagesShowsExactlyTheMatchingOnes() throws IOException {
    ReportModel model = SyntheticReport.write(tmp.resolve("fleet-search"), new SyntheticFleet.Shape(1000, 200, 2));
    Path page = render("synthetic-search", model);
    String query = model.images().stream().filter(i -> i.kind() == ReportImage.Kind.BASE).findFirst().orElseThrow()
        .name();
    List<String> expected = Jsoup.parse(Files.readString(page)).select("#image-table tbody tr").stream()
        .filter(r -> r.attr("data-search").contains(query)).map(r -> r.attr("data-image")).toList();
    open(page);
    search().sendKeys(query);
    assertThat(expected).hasSizeGreaterThan(1);
    assertThat(visibleRows("#image-table")).containsExactlyElementsOf(expected);
    assertThat(strings("return [...document.querySelectorAll('#graph g.node:not(.dim)')].map(g => g.dataset.node)"))
        .containsExactlyInAnyOrderElementsOf(expected);

    browser.findElement(By.cssSelector("#image-table tbody tr:not([hidden]) button.focus")).click();
    assertThat(bool("const g = document.querySelector('g.node.selected').getBoundingClientRect();"
        + " const v = document.getElementById('viewport').getBoundingClientRect();"
        + " return g.left >= v.left && g.right <= v.right && g.top >= v.top && g.bottom <= v.bottom")).isTrue();
    screenshot("synthetic-1000-search.png");
    assertThat(consoleProblems()).isEmpty();
  }

  private static Path render(String name, ReportModel model) throws IOException {
    Path page = Files.createDirectories(tmp.resolve(name)).resolve("index.html");
    Files.writeString(page, ReportRenderer.render(model));
    return page;
  }

  /** Loads {@code page} and waits until its script has drawn the graph. */
  private static void open(Path page) {
    browser.get(page.toUri().toString());
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!bool("return document.documentElement.getAttribute('data-ready') === 'true'")) {
      assertThat(System.nanoTime()).as("the page marks itself ready within 30 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  /** Load event end and the page's report-drawn mark, in ms from navigation start. */
  private static double[] timings() {
    List<?> t = (List<?>) browser.executeScript("const n = performance.getEntriesByType('navigation')[0];"
        + " const d = performance.getEntriesByName('report-drawn')[0]; return [n.loadEventEnd, d.startTime];");
    return new double[] {((Number) t.get(0)).doubleValue(), ((Number) t.get(1)).doubleValue()};
  }

  private static WebElement search() {
    return browser.findElement(By.id("search"));
  }

  private static List<String> visibleRows(String table) {
    return strings("return [...document.querySelectorAll(arguments[0] + ' tbody tr[data-image]')]"
        + ".filter(r => !r.hidden && r.offsetParent !== null).map(r => r.dataset.image)", table);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(String script, Object... args) {
    return (List<String>) browser.executeScript(script, args);
  }

  private static long number(String script) {
    return ((Number) browser.executeScript(script)).longValue();
  }

  private static boolean bool(String script) {
    return Boolean.TRUE.equals(browser.executeScript(script));
  }

  /** Console messages at warning level or worse since the last call (the log is drained on read). */
  private static List<String> consoleProblems() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList();
  }

  private static void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }

  private static double median(List<double[]> runs, int i) {
    return runs.stream().mapToDouble(r -> r[i]).sorted().toArray()[runs.size() / 2];
  }

  private static String describe(List<double[]> runs) {
    return runs.stream().map(r -> String.format(Locale.ROOT, "%.0f/%.0f", r[0], r[1])).toList().toString();
  }
}
