package io.imagefactory.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.imagefactory.Problem;
import io.imagefactory.testing.EditorSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** schemas/settings.schema.json and {@link SettingsReader} accept and reject the same files. */
class SettingsSchemaTest {
  private static final EditorSchemas SCHEMAS = EditorSchemas.load();
  private static final String MINIMAL = """
      stateRepository:
        url: https://github.com/acme/images.git
      analysis:
        image: ghcr.io/acme/image-factory-analysis:0.1.0
      """;
  private static final String FULL = """
      project: platform-images
      stateRepository:
        url: https://github.com/acme/images.git
        branch: main
      analysis:
        image: ghcr.io/acme/image-factory-analysis:0.1.0
      warehouseInterval: 10m0s
      github:
        url: https://github.example.com
        apiUrl: https://github.example.com/api/v3
      gitlab:
        url: https://gitlab.example.com
        apiUrl: https://gitlab.example.com/api/v4/
      """;
  private static final String SHA256 = "sha256:" + "0".repeat(64);

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void bothAccept(String why, String yaml) {
    assertThat(readerErrors(yaml)).as("reader").isEmpty();
    assertThat(SCHEMAS.settingsErrors(yaml)).as("schema").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void bothReject(String why, String yaml) {
    assertThat(readerErrors(yaml)).as("reader").isNotEmpty();
    assertThat(SCHEMAS.settingsErrors(yaml)).as("schema").isNotEmpty();
  }

  @Test
  void onlyTheSchemaRejectsAProjectYamlReadsAsANumber() {
    // The schema asks for a quoted string; the reader takes any scalar as written.
    String yaml = "project: 123\n" + MINIMAL;
    assertThat(readerErrors(yaml)).isEmpty();
    assertThat(SCHEMAS.settingsErrors(yaml)).isNotEmpty();
  }

  @Test
  void onlyTheReaderRejectsPlainHttpToAHostNotListedAsInsecure() {
    // A rule across two fields: the schema checks each URL's form, the reader where tokens may go.
    String yaml = MINIMAL + "gitlab:\n  url: http://gitlab.local\n";
    assertThat(readerErrors(yaml)).singleElement().asString()
        .contains("settings.yaml:6:", "gitlab URL http://gitlab.local is plain http", "hosts.insecure");
    assertThat(SCHEMAS.settingsErrors(yaml)).isEmpty();
  }

  @Test
  void onlyTheReaderRejectsAnEmptyFile() {
    // An editor validates no document at all; image-factory validate reports the missing fields.
    assertThat(readerErrors("# nothing yet\n")).isNotEmpty();
    assertThat(SCHEMAS.settingsErrors("# nothing yet\n")).isEmpty();
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments("the minimal file", MINIMAL),
        arguments("every field", FULL),
        arguments("a 63-character project", "project: " + "p".repeat(63) + "\n" + MINIMAL),
        arguments("an scp-style state URL", variant(MINIMAL, "https://github.com/acme/images.git", "git@github.com:acme/images.git")),
        arguments("an ssh:// state URL", variant(MINIMAL, "https://github.com/acme/images.git", "ssh://git@host/acme/images.git")),
        arguments("a file:// state URL", variant(MINIMAL, "https://github.com/acme/images.git", "file:///srv/images.git")),
        arguments("a fractional Go duration", MINIMAL + "warehouseInterval: 1h30m0.5s\n"),
        arguments("a Docker Hub short image", variant(MINIMAL, "ghcr.io/acme/image-factory-analysis:0.1.0", "analysis")),
        arguments("an image with port, tag and digest", variant(MINIMAL, "ghcr.io/acme/image-factory-analysis:0.1.0",
            "localhost:5000/a/b:1.0@" + SHA256)),
        arguments("an image with an uppercase registry", variant(MINIMAL, "ghcr.io/acme/image-factory-analysis:0.1.0", "Registry/a")),
        arguments("an image with an IPv6 registry", variant(MINIMAL, "ghcr.io/acme/image-factory-analysis:0.1.0", "\"[::1]:5000/a\"")),
        arguments("an image with a sha512 digest", variant(MINIMAL, "ghcr.io/acme/image-factory-analysis:0.1.0",
            "a/b@sha512:" + "f".repeat(128))),
        arguments("http:// endpoints on an insecure host", MINIMAL + "gitlab:\n  url: http://gitlab.local\n"
            + "hosts:\n  insecure: [gitlab.local]\n"),
        arguments("a catalog in another repository", MINIMAL + "catalog:\n  repository: https://github.com/acme/catalog.git\n"
            + "  branch: release/1\n  path: artifacts/catalog\n  requiredLabels: [org.opencontainers.image.revision]\n"
            + "  notifications:\n    webhook:\n      url: https://hooks.example.com/releases\n"),
        arguments("a catalog notifying a loopback test server", MINIMAL + "catalog:\n  notifications:\n    slack:\n"
            + "      apiUrl: http://127.0.0.1:8080/api\n"),
        arguments("allowed and insecure hosts", MINIMAL + "hosts:\n  allowed: [git.example.com]\n  insecure: [\"127.0.0.1:8080\"]\n"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments("a list instead of a map", "- project: x\n"),
        arguments("no stateRepository", "analysis:\n  image: ghcr.io/acme/a:1\n"),
        arguments("no analysis", "stateRepository:\n  url: https://github.com/acme/images.git\n"),
        arguments("an unknown field", MINIMAL + "projekt: x\n"),
        arguments("an unknown stateRepository field", variant(MINIMAL, "  url:", "  uri:")),
        arguments("an unknown analysis field", variant(MINIMAL, "  image:", "  tag: x\n  image:")),
        arguments("analysis as a string", "stateRepository:\n  url: https://github.com/a/b.git\nanalysis: ghcr.io/a:1\n"),
        arguments("a state URL without scheme", variant(MINIMAL, "https://github.com/acme/images.git", "github.com/acme/images.git")),
        arguments("a state branch with ..", variant(MINIMAL, "images.git\n", "images.git\n  branch: a..b\n")),
        arguments("an uppercase project", "project: Images\n" + MINIMAL),
        arguments("a 64-character project", "project: " + "p".repeat(64) + "\n" + MINIMAL),
        arguments("an interval in words", MINIMAL + "warehouseInterval: 5 minutes\n"),
        arguments("an interval in days", MINIMAL + "warehouseInterval: 1d\n"),
        arguments("an image with an uppercase repository", variant(MINIMAL, "acme/image-factory", "Acme/image-factory")),
        arguments("an image with a short digest", variant(MINIMAL, ":0.1.0", "@sha256:abc")),
        arguments("an image with an uppercase sha256", variant(MINIMAL, ":0.1.0", "@" + SHA256.replace('0', 'A'))),
        arguments("an image tag starting with .", variant(MINIMAL, ":0.1.0", ":.1")),
        arguments("an empty image", variant(MINIMAL, "ghcr.io/acme/image-factory-analysis:0.1.0", "\"\"")),
        arguments("an ftp:// endpoint", MINIMAL + "github:\n  url: ftp://github.example.com\n"),
        arguments("an endpoint without host", MINIMAL + "github:\n  apiUrl: https://\n"),
        arguments("an unknown endpoint field", MINIMAL + "gitlab:\n  token: x\n"),
        arguments("endpoints as a list", MINIMAL + "github: [https://github.com]\n"),
        arguments("a token in the state URL", variant(MINIMAL, "https://github.com", "https://bot:ghp_x@github.com")),
        arguments("a token as the endpoint's user", MINIMAL + "github:\n  url: https://ghp_x@github.example.com\n"),
        arguments("an unknown hosts field", MINIMAL + "hosts:\n  trusted: [a.example]\n"),
        arguments("an allowed host with a scheme", MINIMAL + "hosts:\n  allowed: [https://a.example]\n"),
        arguments("an unknown catalog field", MINIMAL + "catalog:\n  folder: catalog\n"),
        arguments("a catalog path leaving the repository", MINIMAL + "catalog:\n  path: ../elsewhere\n"),
        arguments("a catalog branch with ..", MINIMAL + "catalog:\n  branch: a..b\n"),
        arguments("a catalog repository that is not a URL", MINIMAL + "catalog:\n  repository: catalog\n"),
        arguments("a plain http webhook over the network", MINIMAL + "catalog:\n  notifications:\n    webhook:\n"
            + "      url: http://hooks.example.com/releases\n"),
        arguments("a label key with a space", MINIMAL + "catalog:\n  requiredLabels: [\"a b\"]\n"),
        arguments("an insecure host with a path", MINIMAL + "hosts:\n  insecure: [a.example/x]\n"));
  }

  private static String variant(String base, String from, String to) {
    if (!base.contains(from)) {
      throw new IllegalArgumentException("no \"" + from + "\" in " + base);
    }
    return base.replace(from, to);
  }

  private static List<Problem> readerErrors(String yaml) {
    List<Problem> problems = new ArrayList<>();
    SettingsReader.read(yaml, "image-factory/settings.yaml", problems);
    return problems.stream().filter(Problem::isError).toList();
  }
}
