package io.imagefactory.config;

import io.imagefactory.Problem;
import io.imagefactory.Redaction;
import io.imagefactory.yaml.MapReader;
import io.imagefactory.yaml.YamlReader;
import java.util.List;
import java.util.regex.Pattern;

/** Reads image-factory/settings.yaml, filling in defaults and checking each field. */
public final class SettingsReader {
  static final List<String> FIELDS =
      List.of("project", "stateRepository", "analysis", "warehouseInterval", "github", "gitlab", "hosts",
          "verificationInterval", "registries", "catalog");
  private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s/]+(/\\S*)?");
  private static final Pattern GIT_URL = Pattern.compile("(https?|file|ssh)://\\S+|[\\w.-]+@[\\w.-]+:\\S+");

  private SettingsReader() {}

  /** Parses settings; returns null when a required field is missing (a problem says which). */
  public static Settings read(String text, String file, List<Problem> problems) {
    MapReader r = MapReader.of(YamlReader.read(text, file), file, "settings.yaml", problems);
    if (r == null) {
      return null;
    }
    int mark = r.mark();
    r.rejectUnknownFields(FIELDS, "settings.yaml");
    String project = r.optionalString("project");
    if (project != null && !DnsLabel.isValid(project)) {
      r.error("project", "project \"" + project + "\" is not a DNS-1123 label",
          "use lowercase letters, digits and '-' (it becomes a Kubernetes namespace)");
    }
    String[] state = stateRepository(r);
    String image = analysisImage(r);
    String interval = r.optionalString("warehouseInterval");
    if (interval != null && (!GoDuration.isValid(interval) || GoDuration.parse(interval).isEmpty())) {
      r.error("warehouseInterval", "warehouseInterval \"" + interval + "\" is not a Go duration",
          "write e.g. 5m0s or 10m (Kargo polls no more often than every 5 minutes by default)");
    }
    Settings.Endpoints github = endpoints(r, "github", Settings.GITHUB_COM);
    Settings.Endpoints gitlab = endpoints(r, "gitlab", Settings.GITLAB_COM);
    Settings.Hosts hosts = SettingsHosts.read(r);
    SettingsHosts.checkPlainHttp(r, hosts, state[0], github, gitlab);
    java.time.Duration verification = CatalogReader.interval(r, "verificationInterval").orElse(null);
    Settings.Registries registries = RegistriesReader.read(r.optionalMap("registries", "registries"));
    CatalogSettings catalog = CatalogSettingsReader.read(r);
    if (r.hasErrorsSince(mark)) {
      return null;
    }
    return new Settings(project == null ? Settings.DEFAULT_PROJECT : project, state[0], state[1], image,
        interval == null ? Settings.DEFAULT_INTERVAL : interval, github, gitlab, hosts, verification, registries,
        catalog);
  }

  private static String[] stateRepository(MapReader r) {
    MapReader s = r.optionalMap("stateRepository", "stateRepository");
    if (s == null) {
      r.error(r.position(), "\"stateRepository\" is missing",
          "add 'stateRepository: {url: <git URL of this repository>, branch: main}' so analysis jobs can push state");
      return new String[2];
    }
    s.rejectUnknownFields(List.of("url", "branch"), "stateRepository");
    String url = s.requiredString("url", "write the git URL analysis jobs clone and push, e.g. https://github.com/acme/images.git");
    if (url != null && Redaction.hasUserInfo(url)) {
      s.error("url", "stateRepository url \"" + Redaction.urls(url) + "\" holds a user name or password",
          SettingsHosts.NO_USER_INFO);
      url = null;
    } else if (url != null && !GIT_URL.matcher(url).matches()) {
      s.error("url", "stateRepository url \"" + url + "\" is not a git URL", "write an https:// URL");
    }
    String branch = s.optionalString("branch");
    if (branch != null && !GitRefNames.isBranch(branch)) {
      s.error("branch", "branch \"" + branch + "\" is not a valid git branch name", "write a branch name such as main");
    }
    return new String[] {url, branch == null ? Source.DEFAULT_BRANCH : branch};
  }

  private static String analysisImage(MapReader r) {
    MapReader a = r.optionalMap("analysis", "analysis");
    if (a == null) {
      r.error(r.position(), "\"analysis\" is missing",
          "add 'analysis: {image: <registry>/image-factory-analysis:<version>}', the container built from analysis-job/");
      return null;
    }
    a.rejectUnknownFields(List.of("image"), "analysis");
    String image = a.requiredString("image", "name the analysis container built from analysis-job/");
    if (image != null && io.imagefactory.image.ImageReference.tryParse(image).isEmpty()) {
      a.error("image", "analysis image \"" + image + "\" is not an image reference",
          "write registry/repository:tag, e.g. ghcr.io/acme/image-factory-analysis:0.1.0");
    }
    return image;
  }

  private static Settings.Endpoints endpoints(MapReader r, String key, Settings.Endpoints defaults) {
    MapReader e = r.optionalMap(key, key);
    if (e == null) {
      return defaults;
    }
    e.rejectUnknownFields(List.of("url", "apiUrl"), key);
    String url = url(e, "url");
    String api = url(e, "apiUrl");
    return new Settings.Endpoints(url == null ? defaults.url() : url, api == null ? defaults.apiUrl() : api);
  }

  private static String url(MapReader e, String key) {
    String url = e.optionalString(key);
    if (url != null && Redaction.hasUserInfo(url)) {
      e.error(key, key + " \"" + Redaction.urls(url) + "\" holds a user name or password", SettingsHosts.NO_USER_INFO);
      return null;
    }
    if (url != null && !HTTP_URL.matcher(url).matches()) {
      e.error(key, key + " \"" + url + "\" is not an http(s) URL", "write e.g. https://github.example.com");
      return null;
    }
    return url == null ? null : url.replaceAll("/+$", "");
  }
}
