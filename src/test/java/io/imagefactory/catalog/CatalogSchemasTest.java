package io.imagefactory.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.imagefactory.Problem;
import io.imagefactory.testing.EditorSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog's editor schemas (schemas/catalog-*.schema.json): every catalog file names one in
 * its first line, the example catalog and what the writers write validate, and each schema
 * accepts and rejects what its reader does. Where they differ, the difference is named below:
 * the schema sees neither the folders a file is in nor how a scalar was written, cannot compare
 * entries, and reads YAML 1.2 as editors do ({@code True} is a boolean, {@code 0x10} a number).
 */
class CatalogSchemasTest {
  private static final EditorSchemas SCHEMAS = EditorSchemas.load();
  static final Path OWNERSHIP = schema(CatalogWriter.OWNERSHIP_SCHEMA);
  static final Path METADATA = schema(CatalogWriter.METADATA_SCHEMA);
  static final Path MANIFEST = schema(CatalogWriter.MANIFEST_SCHEMA);
  static final Path COMPONENTS = schema(CatalogWriter.COMPONENTS_SCHEMA);
  static final Path DOMAIN = schema(CatalogWriter.DOMAIN_SCHEMA);
  static final Path CI_TAGS = schema(CatalogWriter.CI_TAGS_SCHEMA);
  private static final Pattern SCHEMA_COMMENT = Pattern.compile("\\A# yaml-language-server: \\$schema=(\\S+)\n");
  private static final String SHA = "b7f127a375d49a11a6943c52c0bde1f816e20a604da2ac969d6e6c41541ccf3f";

  private static Path schema(String name) {
    return Path.of("schemas", name);
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void isAValidDraft07Schema(Path schema) {
    assertThat(schema).isRegularFile();
    assertThat(SCHEMAS.metaSchemaErrors(schema)).isEmpty();
  }

  static Stream<Path> schemas() {
    return Stream.of(OWNERSHIP, METADATA, MANIFEST, COMPONENTS, DOMAIN, CI_TAGS);
  }

  /** The example catalog (catalog/), file by file, as an editor opens it. */
  @Nested
  class ExampleCatalogFiles {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.imagefactory.catalog.CatalogSchemasTest#exampleFiles")
    void namesItsSchemaInItsFirstLineAndValidatesAgainstIt(Path file) throws IOException {
      String yaml = Files.readString(file);
      Path schema = schemaNamedBy(file, yaml);
      assertThat(schema).as("the schema %s names", file).isEqualTo(expectedSchema(file)).isRegularFile();
      assertThat(SCHEMAS.errors(schema, yaml)).as(file.toString()).isEmpty();
    }

    @Test
    void hasFilesOfEveryKind() {
      assertThat(exampleFiles().map(CatalogSchemasTest::expectedSchema).distinct())
          .containsExactlyInAnyOrderElementsOf(schemas().toList());
    }
  }

  /** What image-factory writes: catalog index, publish and promote. */
  @Nested
  class WrittenFiles {
    @Test
    void theIndexesCatalogIndexWritesValidate() {
      CatalogTree tree = ExampleCatalog.load().tree();
      Map<String, String> files = CatalogIndex.files(tree);
      assertThat(files).containsOnlyKeys(CatalogPaths.COMPONENTS_INDEX, CatalogPaths.CI_TAGS);
      files.forEach((path, text) -> assertValid(tree.display(path), text));
    }

    @Test
    void indexesOfAnEmptyCatalogValidate() {
      CatalogTree tree = ExampleCatalog.empty().tree();
      CatalogIndex.files(tree).forEach((path, text) -> assertValid(tree.display(path), text));
    }

    @Test
    void whatPublishingAGenericVersionWritesValidates() {
      // a generic artifact has no architecture: its first metadata.yaml says architecture: []
      Manifest m = new Manifest(Format.GENERIC, "2.1.0", new Location(Location.Kind.URL,
          "https://artifacts.example.com/config-bundle/2.1.0/config-bundle.zip"), SHA, Optional.of(10240L),
          "2025-09-01T00:00:00Z", Optional.empty(), List.of(), Optional.empty(), new TreeMap<>(), null);
      ExampleCatalog c = ExampleCatalog.load();
      Map<String, String> writes = Publication.publish(c.tree(),
          new Publication.Request("platform/shared/config-bundle", m, List.of("core"), List.of("prod")),
          ExampleCatalog.LABELS).writes();
      assertThat(writes).hasSize(4);
      assertThat(writes.get("components/platform/shared/config-bundle/versions/2.1.0/metadata.yaml"))
          .contains("architecture: []\n");
      writes.forEach((path, text) -> assertValid(c.files().display(path), text));
    }

    @Test
    void aDomainIndexPromotionWritesValidates() {
      ExampleCatalog c = ExampleCatalog.load();
      Promotion.Change change = Promotion.promote(c.tree(), "cloud/dmp/ms-ingestion", "1.0.3", "cloud",
          ExampleCatalog.LABELS).orElseThrow();
      assertThat(change.text()).contains("version: 1.0.3");
      assertValid(c.files().display(change.path()), change.text());
    }

    @Test
    void everyExampleManifestAndMetadataRewrittenByCatalogWriterValidates() {
      ExampleCatalog c = ExampleCatalog.load();
      CatalogTree tree = c.tree();
      int written = 0;
      for (Component component : tree.components().values()) {
        for (CatalogVersion v : component.versions()) {
          String metadata = CatalogPaths.metadata(component.name(), v.text());
          assertValid(c.files().display(metadata), CatalogWriter.metadata(v.metadata().orElseThrow(),
              c.files().display(metadata)));
          for (Manifest m : v.manifests().values()) {
            String manifest = CatalogPaths.manifest(component.name(), v.text(), m.format());
            assertValid(c.files().display(manifest), CatalogWriter.manifest(m, c.files().display(manifest)));
            written++;
          }
        }
      }
      assertThat(written).isEqualTo(6);
    }

    private static void assertValid(String displayPath, String text) {
      Path file = Path.of(displayPath);
      Path schema = schemaNamedBy(file, text);
      assertThat(schema).as("the schema %s names", file).isEqualTo(expectedSchema(file)).isRegularFile();
      assertThat(SCHEMAS.errors(schema, text)).as(displayPath + ":\n" + text).isEmpty();
    }
  }

  @Nested
  class OwnershipYaml {
    static final String FULL = """
        owner_team: cloud-dmp
        product_owner: priya.k@example.com
        slack_channel: "#cloud-dmp-alerts"
        source_repo: https://gitlab.example.com/acme/cloud-dmp
        ci_pipeline: https://gitlab.example.com/acme/cloud-dmp/-/pipelines
        audit_contact: audit-group@example.com
        """;
    static final String MINIMAL = "owner_team: platform\nslack_channel: \"#platform-releases\"\n";

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void bothAccept(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isEmpty();
      assertThat(SCHEMAS.errors(OWNERSHIP, yaml)).as("schema").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void bothReject(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isNotEmpty();
      assertThat(SCHEMAS.errors(OWNERSHIP, yaml)).as("schema").isNotEmpty();
    }

    @Test
    void onlyTheReaderRejectsAnEmptyFile() {
      // An editor validates no document at all; catalog check reports the missing fields.
      assertThat(readerErrors("# nothing yet\n")).isNotEmpty();
      assertThat(SCHEMAS.errors(OWNERSHIP, "# nothing yet\n")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlyTheSchemaRejects")
    void onlyTheSchemaRejects(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isEmpty();
      assertThat(SCHEMAS.errors(OWNERSHIP, yaml)).as("schema").isNotEmpty();
    }

    static Stream<Arguments> valid() {
      return Stream.of(
          arguments("every field", FULL),
          arguments("owner_team and slack_channel only", MINIMAL),
          arguments("a channel id instead of a name", variant(MINIMAL, "\"#platform-releases\"", "C0123456789")),
          arguments("a private channel's id", variant(MINIMAL, "\"#platform-releases\"", "G01234567")),
          arguments("a channel name with . and _", variant(MINIMAL, "#platform-releases", "#team.a_b")),
          arguments("an 80-character channel name", variant(MINIMAL, "#platform-releases", "#" + "a".repeat(80))),
          arguments("a team YAML reads as a number", variant(MINIMAL, "platform", "42")),
          arguments("an http source_repo with a port, query and fragment", MINIMAL
              + "source_repo: http://git.example.com:8080/a/b?ref=main#readme\n"),
          arguments("a source_repo on an IPv6 address", MINIMAL + "source_repo: \"https://[fe80::1]/acme/a\"\n"),
          arguments("a source_repo with escapes and non-ASCII", MINIMAL + "source_repo: https://git.example.com/a%20b/ä\n"),
          arguments("an uppercase scheme and host", MINIMAL + "ci_pipeline: HTTPS://GITLAB.example.com/x\n"));
    }

    static Stream<Arguments> invalid() {
      return Stream.of(
          arguments("a list instead of a map", "- owner_team: platform\n"),
          arguments("no owner_team", "slack_channel: \"#platform-releases\"\n"),
          arguments("no slack_channel", "owner_team: platform\n"),
          arguments("an unquoted channel, which YAML reads as a comment", variant(MINIMAL, "\"#platform-releases\"",
              "#platform-releases")),
          arguments("an unknown field", MINIMAL + "owner: platform\n"),
          arguments("a misspelt field", variant(FULL, "slack_channel", "slack_chanel")),
          arguments("a channel without #", variant(MINIMAL, "\"#platform-releases\"", "platform-releases")),
          arguments("an uppercase channel name", variant(MINIMAL, "#platform-releases", "#Platform")),
          arguments("an 81-character channel name", variant(MINIMAL, "#platform-releases", "#" + "a".repeat(81))),
          arguments("a channel id too short", variant(MINIMAL, "\"#platform-releases\"", "C0123")),
          arguments("a team that is a list", variant(MINIMAL, "owner_team: platform", "owner_team: [platform]")),
          arguments("a product owner without @", variant(FULL, "priya.k@example.com", "priya.k")),
          arguments("an audit contact without a domain", variant(FULL, "audit-group@example.com", "audit@example")),
          arguments("an e-mail address with a space", variant(FULL, "priya.k@example.com", "\"priya k@example.com\"")),
          arguments("a source_repo without scheme", variant(FULL, "https://gitlab.example.com/acme/cloud-dmp\n",
              "gitlab.example.com/acme/cloud-dmp\n")),
          arguments("an ssh source_repo", variant(FULL, "https://gitlab.example.com/acme/cloud-dmp\n",
              "ssh://git@gitlab.example.com/acme/cloud-dmp\n")),
          arguments("a token in the source_repo", variant(FULL, "https://gitlab", "https://oauth2:glpat-x@gitlab")),
          arguments("a host with _", variant(FULL, "https://gitlab.example.com/acme/cloud-dmp\n",
              "https://git_lab.example.com/a\n")),
          arguments("a host whose last label starts with a digit", variant(FULL, "https://gitlab.example.com/acme/cloud-dmp\n",
              "https://gitlab.example.1com/a\n")),
          arguments("a malformed IPv6 host", MINIMAL + "source_repo: \"https://[fe80:::1]/a\"\n"),
          arguments("a space in a URL", variant(FULL, "/-/pipelines", "/-/pipe lines")),
          arguments("a bad escape in a URL", variant(FULL, "/-/pipelines", "/-/%zz")),
          arguments("| in a URL path", variant(FULL, "/-/pipelines", "/-/a|b")),
          arguments("an empty owner_team", variant(MINIMAL, "owner_team: platform", "owner_team: \"\"")));
    }

    static Stream<Arguments> onlyTheSchemaRejects() {
      return Stream.of(
          arguments("an empty value, which the reader reads as absent", MINIMAL + "product_owner:\n"));
    }

    private static List<Problem> readerErrors(String yaml) {
      List<Problem> problems = new ArrayList<>();
      OwnershipReader.read(yaml, "catalog/components/cloud/dmp/ownership.yaml", problems);
      return errors(problems);
    }
  }

  @Nested
  class MetadataYaml {
    static final String FULL = """
        architecture: amd64
        domains: [cloud]
        environments: [staging, prod]
        dependencies: ["common-utils >=1.2.0"]
        group: dmp
        service_name: ms-ingestion
        team: ingestion-platform
        port_exposed: 8443
        multi_arch: false
        notes: "Ensure Prometheus exporter is enabled"
        """;
    static final String MINIMAL = "architecture: amd64\ndomains: []\nenvironments: []\n";

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void bothAccept(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isEmpty();
      assertThat(SCHEMAS.errors(METADATA, yaml)).as("schema").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void bothReject(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isNotEmpty();
      assertThat(SCHEMAS.errors(METADATA, yaml)).as("schema").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlyTheReaderRejects")
    void onlyTheReaderRejects(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isNotEmpty();
      assertThat(SCHEMAS.errors(METADATA, yaml)).as("schema").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlyTheSchemaRejects")
    void onlyTheSchemaRejects(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isEmpty();
      assertThat(SCHEMAS.errors(METADATA, yaml)).as("schema").isNotEmpty();
    }

    static Stream<Arguments> valid() {
      return Stream.of(
          arguments("every field", FULL),
          arguments("architecture, domains and environments only", MINIMAL),
          arguments("a multi-arch version", variant(variant(FULL, "architecture: amd64", "architecture: [amd64, arm64]"),
              "multi_arch: false", "multi_arch: true")),
          arguments("a list of one architecture", variant(MINIMAL, "architecture: amd64", "architecture: [arm/v7]")),
          arguments("no architecture for a generic artifact, as publish writes it",
              variant(FULL, "architecture: amd64", "architecture: []")),
          arguments("a Debian architecture name", variant(MINIMAL, "amd64", "ppc64el")),
          arguments("386 as YAML reads it, a number", variant(MINIMAL, "amd64", "386")),
          arguments("all, for a .deb", variant(MINIMAL, "amd64", "all")),
          arguments("one domain as a string", variant(MINIMAL, "domains: []", "domains: core")),
          arguments("a 63-character environment", variant(MINIMAL, "environments: []", "environments: [" + "e".repeat(63) + "]")),
          arguments("a dependency by full path with a caret range", variant(FULL, "common-utils >=1.2.0",
              "cloud/dmp/ms-export ^3.2")),
          arguments("a dependency without a range", variant(FULL, "common-utils >=1.2.0", "common-utils")),
          arguments("a dependency written against its range", variant(FULL, "common-utils >=1.2.0", "common-utils>=1.2.0")),
          arguments("a dependency with AND, OR, tilde and wildcards", variant(FULL, "common-utils >=1.2.0",
              "common-utils >=1.2.0, <2 || ~3.1.x || 4.*")),
          arguments("a dependency with a hyphen range", variant(FULL, "common-utils >=1.2.0", "common-utils 1.2 - 1.4.1")),
          arguments("a dependency with a prerelease", variant(FULL, "common-utils >=1.2.0", "common-utils >=v2.0.0-rc.1")),
          arguments("one dependency as a string", variant(FULL, "dependencies: [\"common-utils >=1.2.0\"]",
              "dependencies: common-utils >=1.2.0")),
          arguments("port 1", variant(FULL, "8443", "1")),
          arguments("port 65535", variant(FULL, "8443", "65535")),
          arguments("notes YAML reads as a number", variant(FULL, "\"Ensure Prometheus exporter is enabled\"", "42")),
          arguments("a group with a dot", variant(FULL, "group: dmp", "group: dmp.v2")));
    }

    static Stream<Arguments> invalid() {
      return Stream.of(
          arguments("a list instead of a map", "- architecture: amd64\n"),
          arguments("no architecture", variant(MINIMAL, "architecture: amd64\n", "")),
          arguments("an empty architecture", variant(MINIMAL, "architecture: amd64", "architecture:")),
          arguments("no domains", variant(MINIMAL, "domains: []\n", "")),
          arguments("no environments", variant(MINIMAL, "environments: []\n", "")),
          arguments("an unknown field", FULL + "owner: x\n"),
          arguments("the manifest's architectures", variant(MINIMAL, "architecture:", "architectures:")),
          arguments("an unknown architecture", variant(MINIMAL, "amd64", "x86_64")),
          arguments("an uppercase architecture", variant(MINIMAL, "amd64", "AMD64")),
          arguments("an architecture listed twice", variant(MINIMAL, "architecture: amd64", "architecture: [amd64, amd64]")),
          arguments("one architecture under two names", variant(MINIMAL, "architecture: amd64",
              "architecture: [arm64, arm64/v8]")),
          arguments("armhf and arm/v7", variant(MINIMAL, "architecture: amd64", "architecture: [armhf, amd64, arm/v7]")),
          arguments("386 quoted and as a number", variant(MINIMAL, "architecture: amd64", "architecture: [\"386\", 386]")),
          arguments("an architecture that is a map", variant(MINIMAL, "architecture: amd64", "architecture: {amd64: true}")),
          arguments("an empty item", variant(MINIMAL, "architecture: amd64", "architecture: [amd64, ~]")),
          arguments("an uppercase domain", variant(MINIMAL, "domains: []", "domains: [Cloud]")),
          arguments("a domain with _", variant(MINIMAL, "domains: []", "domains: [cloud_a]")),
          arguments("a domain ending in -", variant(MINIMAL, "domains: []", "domains: [cloud-]")),
          arguments("a 64-character environment", variant(MINIMAL, "environments: []", "environments: [" + "e".repeat(64) + "]")),
          arguments("an environment listed twice", variant(MINIMAL, "environments: []", "environments: [prod, prod]")),
          arguments("domains as a map", variant(MINIMAL, "domains: []", "domains: {cloud: true}")),
          arguments("a dependency without a component", variant(FULL, "common-utils >=1.2.0", ">=1.2.0")),
          arguments("a dependency on an uppercase name", variant(FULL, "common-utils", "Common-Utils")),
          arguments("a dependency on a versions folder", variant(FULL, "common-utils", "a/versions")),
          arguments("a dependency with 9 segments", variant(FULL, "common-utils", "a/b/c/d/e/f/g/h/i")),
          arguments("a dependency with a comma after its name", variant(FULL, "common-utils >=1.2.0", "common-utils, >=1.2.0")),
          arguments("a dependency with a range in words", variant(FULL, ">=1.2.0", "at least 1.2")),
          arguments("a dependency with an unknown operator", variant(FULL, ">=1.2.0", ">>1.2.0")),
          arguments("a dependency with two comparators run together", variant(FULL, ">=1.2.0", ">=1.2.0<2")),
          arguments("a dependency with an empty alternative", variant(FULL, ">=1.2.0", ">=1.2.0 ||")),
          arguments("a dependency with a leading-zero prerelease", variant(FULL, ">=1.2.0", ">=1.2.0-01")),
          arguments("a dependency that is a map", variant(FULL, "[\"common-utils >=1.2.0\"]", "[{common-utils: 1.2.0}]")),
          arguments("port 0", variant(FULL, "8443", "0")),
          arguments("port 65536", variant(FULL, "8443", "65536")),
          arguments("a quoted port", variant(FULL, "8443", "\"8443\"")),
          arguments("a fractional port", variant(FULL, "8443", "84.43")),
          arguments("multi_arch: yes", variant(FULL, "multi_arch: false", "multi_arch: yes")),
          arguments("a quoted multi_arch", variant(FULL, "multi_arch: false", "multi_arch: \"false\"")),
          arguments("multi_arch true for one architecture", variant(FULL, "multi_arch: false", "multi_arch: true")),
          arguments("multi_arch true for a list of one", variant(variant(FULL, "multi_arch: false", "multi_arch: true"),
              "architecture: amd64", "architecture: [amd64]")),
          arguments("multi_arch false for two architectures", variant(FULL, "architecture: amd64",
              "architecture: [amd64, arm64]")),
          arguments("notes that are a list", variant(FULL, "\"Ensure Prometheus exporter is enabled\"", "[a, b]")));
    }

    static Stream<Arguments> onlyTheReaderRejects() {
      return Stream.of(
          arguments("multi_arch: True (the reader wants lowercase; YAML 1.2 reads it as true)",
              variant(variant(FULL, "architecture: amd64", "architecture: [amd64, arm64]"), "multi_arch: false",
                  "multi_arch: True")),
          arguments("a port in hex (YAML 1.1 reads 0x20FB as written, YAML 1.2 as 8443)", variant(FULL, "8443", "0x20FB")),
          arguments("a port written 8443.0 (a float to the reader, the integer 8443 to JSON Schema)",
              variant(FULL, "8443", "8443.0")),
          arguments("a hyphen range after a comparator without a comma (Masterminds rewrites A - B to '>= A, <= B'"
              + " and then finds no separator)", variant(FULL, "common-utils >=1.2.0", "common-utils <1.3 1.2 - 1.4")));
    }

    static Stream<Arguments> onlyTheSchemaRejects() {
      return Stream.of(
          arguments("empty domains, which the reader reads as none", variant(MINIMAL, "domains: []", "domains:")),
          arguments("a domain YAML reads as a number (the schema asks to quote it)",
              variant(MINIMAL, "domains: []", "domains: [5]")),
          arguments("a range part after a wildcard, which Masterminds never reads", variant(FULL, "common-utils >=1.2.0",
              "common-utils 1.x.9x")),
          arguments("a comparator right after a hyphen range (after the rewrite, '<= 1.4 ' has a space)",
              variant(FULL, "common-utils >=1.2.0", "common-utils 1.2 - 1.4<1.3")));
    }

    private static List<Problem> readerErrors(String yaml) {
      List<Problem> problems = new ArrayList<>();
      MetadataReader.read(yaml, "catalog/components/cloud/dmp/ms-ingestion/versions/1.0.3/metadata.yaml", problems);
      return errors(problems);
    }
  }

  @Nested
  class ManifestYaml {
    static final String DOCKER = """
        format: docker
        version: 1.0.3
        image: ghcr.io/acme/ms-ingestion:1.0.3
        sha256: b7f127a375d49a11a6943c52c0bde1f816e20a604da2ac969d6e6c41541ccf3f
        built_at: 2025-06-02T09:30:00Z
        base_image: docker.io/library/python:3.11-alpine
        architectures:
          - amd64
          - arm64
        """ + ManifestYaml.LABELS;
    static final String LABELS = """
        labels:
          org.opencontainers.image.revision: 20d2cb096d1ab41a4140246d12f07bf6b8cb743f
          org.opencontainers.image.source: https://gitlab.example.com/acme/cloud-dmp
        """;
    static final String DEB = """
        format: deb
        version: 1.0.3
        apt_repository: https://apt.example.com/debian bookworm main
        sha256: b7f127a375d49a11a6943c52c0bde1f816e20a604da2ac969d6e6c41541ccf3f
        size: 48213
        built_at: 2025-03-01T08:00:00Z
        package: common-utils
        package_version: 1.0.3-1
        architecture: all
        depends: libc6 (>= 2.36)
        """;
    static final String GENERIC = """
        format: generic
        version: 1.0.3
        url: https://artifacts.example.com/config-bundle/1.0.3/config-bundle.zip
        sha256: b7f127a375d49a11a6943c52c0bde1f816e20a604da2ac969d6e6c41541ccf3f
        size: 10240
        built_at: 2025-05-20T12:00:00Z
        """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void bothAccept(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isEmpty();
      assertThat(SCHEMAS.errors(MANIFEST, yaml)).as("schema").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void bothReject(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isNotEmpty();
      assertThat(SCHEMAS.errors(MANIFEST, yaml)).as("schema").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlyTheReaderRejects")
    void onlyTheReaderRejects(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isNotEmpty();
      assertThat(SCHEMAS.errors(MANIFEST, yaml)).as("schema").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlyTheSchemaRejects")
    void onlyTheSchemaRejects(String why, String yaml) {
      assertThat(readerErrors(yaml)).as("reader").isEmpty();
      assertThat(SCHEMAS.errors(MANIFEST, yaml)).as("schema").isNotEmpty();
    }

    static Stream<Arguments> valid() {
      return Stream.of(
          arguments("a docker image", DOCKER),
          arguments("a deb in an apt repository", DEB),
          arguments("a generic file", GENERIC),
          arguments("a deb by URL", variant(DEB, "apt_repository: https://apt.example.com/debian bookworm main",
              "url: https://apt.example.com/pool/c/common-utils_1.0.3-1_all.deb")),
          arguments("a generic OCI artifact", variant(GENERIC, "url: https://artifacts.example.com/config-bundle/1.0.3/config-bundle.zip",
              "oci_artifact: ghcr.io/acme/config-bundle:1.0.3")),
          arguments("a docker image pinned to its sha256", variant(DOCKER, ":1.0.3\n", ":1.0.3@sha256:" + SHA + "\n")),
          arguments("a docker image on a registry with a port", variant(DOCKER, "ghcr.io/acme", "localhost:5000/acme")),
          arguments("a Docker Hub base image written short", variant(DOCKER, "docker.io/library/python:3.11-alpine", "python")),
          arguments("a base image by sha512 digest", variant(DOCKER, "docker.io/library/python:3.11-alpine",
              "python@sha512:" + "f".repeat(128))),
          arguments("a base image on a generic artifact", GENERIC + "base_image: alpine:3.20\n"),
          arguments("a docker image's one platform as a string", variant(DOCKER, "architectures:\n  - amd64\n  - arm64\n",
              "architectures: arm/v7\n")),
          arguments("386 as YAML reads it, a number", variant(DOCKER, "  - arm64\n", "  - 386\n")),
          arguments("a deb for an architecture", variant(DEB, "architecture: all", "architecture: armhf")),
          arguments("a deb version YAML reads as a number", variant(DEB, "package_version: 1.0.3-1", "package_version: 2.36")),
          arguments("a deb without depends", variant(DEB, "depends: libc6 (>= 2.36)\n", "")),
          arguments("an apt repository with two components", variant(DEB, "bookworm main", "bookworm main contrib")),
          arguments("a quoted size", variant(GENERIC, "size: 10240", "size: \"10240\"")),
          arguments("a size of 18 digits", variant(GENERIC, "size: 10240", "size: 999999999999999999")),
          arguments("no size", variant(GENERIC, "size: 10240\n", "")),
          arguments("a time with fraction and offset", variant(GENERIC, "2025-05-20T12:00:00Z", "2025-05-20T14:00:00.123+02:00")),
          arguments("a time without seconds", variant(GENERIC, "2025-05-20T12:00:00Z", "2025-05-20T12:00Z")),
          arguments("a time in lowercase", variant(GENERIC, "2025-05-20T12:00:00Z", "2025-05-20t12:00:00z")),
          arguments("February 29th of a leap year", variant(GENERIC, "2025-05-20T12:00:00Z", "2024-02-29T12:00:00Z")),
          arguments("February 29th of 2000", variant(GENERIC, "2025-05-20T12:00:00Z", "2000-02-29T12:00:00Z")),
          arguments("a year beyond 9999, with its sign", variant(GENERIC, "2025-05-20T12:00:00Z", "+10000-02-29T12:00:00Z")),
          arguments("a year before 0000", variant(GENERIC, "2025-05-20T12:00:00Z", "-0400-02-29T12:00:00Z")),
          arguments("a version with prerelease and build", variantAll(GENERIC, "1.0.3", "1.0.3-rc.1+b.7")),
          arguments("labels of every scalar type", variant(DOCKER, "  org.opencontainers.image.source:",
              "  a: 1\n  b: true\n  c:\n  org.opencontainers.image.source:")));
    }

    static Stream<Arguments> invalid() {
      return Stream.of(
          arguments("a list instead of a map", "- format: docker\n"),
          arguments("no format", variant(GENERIC, "format: generic\n", "")),
          arguments("an unknown format", variant(GENERIC, "format: generic", "format: zip")),
          arguments("no version", variant(GENERIC, "version: 1.0.3\n", "")),
          arguments("no sha256", variant(GENERIC, "sha256: " + SHA + "\n", "")),
          arguments("a sha256 with its algorithm", variant(GENERIC, "sha256: ", "sha256: sha256:")),
          arguments("an uppercase sha256", variant(GENERIC, SHA, SHA.toUpperCase())),
          arguments("a short sha256", variant(GENERIC, SHA, SHA.substring(1))),
          arguments("no built_at", variant(GENERIC, "built_at: 2025-05-20T12:00:00Z\n", "")),
          arguments("a date without time", variant(GENERIC, "2025-05-20T12:00:00Z", "2025-05-20")),
          arguments("a time without offset", variant(GENERIC, "2025-05-20T12:00:00Z", "2025-05-20T12:00:00")),
          arguments("a time with a space", variant(GENERIC, "2025-05-20T12:00:00Z", "\"2025-05-20 12:00:00Z\"")),
          arguments("February 29th of 2025", variant(GENERIC, "2025-05-20T12:00:00Z", "2025-02-29T12:00:00Z")),
          arguments("February 29th of 1900", variant(GENERIC, "2025-05-20T12:00:00Z", "1900-02-29T12:00:00Z")),
          arguments("April 31st", variant(GENERIC, "2025-05-20T12:00:00Z", "2025-04-31T12:00:00Z")),
          arguments("hour 24", variant(GENERIC, "2025-05-20T12:00:00Z", "2025-05-20T24:00:00Z")),
          arguments("a leap second", variant(GENERIC, "2025-05-20T12:00:00Z", "2025-06-30T23:59:60Z")),
          arguments("ten fraction digits", variant(GENERIC, "2025-05-20T12:00:00Z", "2025-05-20T12:00:00.1234567891Z")),
          arguments("an offset without a colon", variant(GENERIC, "2025-05-20T12:00:00Z", "2025-05-20T12:00:00+0200")),
          arguments("a year beyond java.time's", variant(GENERIC, "2025-05-20T12:00:00Z", "-1000000000-01-01T00:00:00Z")),
          arguments("a five-digit year without its sign", variant(GENERIC, "2025-05-20T12:00:00Z", "10000-01-01T00:00:00Z")),
          arguments("year -0000", variant(GENERIC, "2025-05-20T12:00:00Z", "-0000-01-01T00:00:00Z")),
          arguments("an offset beyond 18 hours", variant(GENERIC, "2025-05-20T12:00:00Z", "2025-05-20T12:00:00+19:00")),
          arguments("a version that is not SemVer", variantAll(GENERIC, "1.0.3", "1.0")),
          arguments("a version with a leading zero", variantAll(GENERIC, "1.0.3", "1.0.03")),
          arguments("a version with V", variantAll(GENERIC, "1.0.3", "V1.0.3")),
          arguments("a negative size", variant(GENERIC, "size: 10240", "size: -1")),
          arguments("a size in words", variant(GENERIC, "size: 10240", "size: 10 KiB")),
          arguments("a fractional size", variant(GENERIC, "size: 10240", "size: 10.5")),
          arguments("a size of 19 digits", variant(GENERIC, "size: 10240", "size: 1000000000000000000")),
          arguments("an unknown field", GENERIC + "checksum: x\n"),
          arguments("a generic file without location", variant(GENERIC,
              "url: https://artifacts.example.com/config-bundle/1.0.3/config-bundle.zip\n", "")),
          arguments("a generic file with url and oci_artifact", GENERIC + "oci_artifact: ghcr.io/acme/config-bundle:1.0.3\n"),
          arguments("a generic file with an image", GENERIC + "image: ghcr.io/acme/config-bundle:1.0.3\n"),
          arguments("a generic file with architectures", GENERIC + "architectures: [amd64]\n"),
          arguments("an ftp url", variant(GENERIC, "https://artifacts", "ftp://artifacts")),
          arguments("a url with a user", variant(GENERIC, "https://artifacts", "https://bot@artifacts")),
          arguments("an OCI artifact without a tag", variant(GENERIC, "url: https://artifacts.example.com/config-bundle/1.0.3/config-bundle.zip",
              "oci_artifact: ghcr.io/acme/config-bundle")),
          arguments("a docker manifest without image", variant(DOCKER, "image: ghcr.io/acme/ms-ingestion:1.0.3\n", "")),
          arguments("a docker manifest with a url", variant(DOCKER, "image: ghcr.io/acme/ms-ingestion:1.0.3",
              "url: https://ghcr.io/acme/ms-ingestion")),
          arguments("a docker manifest with a deb's fields", DOCKER + "package: x\n"),
          arguments("an image without a tag", variant(DOCKER, "ms-ingestion:1.0.3", "ms-ingestion")),
          arguments("an image with only a digest", variant(DOCKER, "ms-ingestion:1.0.3", "ms-ingestion@sha256:" + SHA)),
          arguments("an image pinned by another algorithm", variant(DOCKER, ":1.0.3\n", ":1.0.3@sha512:" + "f".repeat(128) + "\n")),
          arguments("an image with an uppercase repository", variant(DOCKER, "acme/ms-ingestion", "Acme/ms-ingestion")),
          arguments("an image with a scheme", variant(DOCKER, "image: ghcr.io", "image: https://ghcr.io")),
          arguments("an image on a registry with _", variant(DOCKER, "image: ghcr.io", "image: gh_cr.io")),
          arguments("a tag starting with .", variant(DOCKER, ":1.0.3\n", ":.1\n")),
          arguments("no base image on a docker manifest", variant(DOCKER, "base_image: docker.io/library/python:3.11-alpine\n", "")),
          arguments("a base image with a short digest", variant(DOCKER, "python:3.11-alpine", "python@sha256:abc")),
          arguments("a base image that is a list", variant(DOCKER, "base_image: docker.io/library/python:3.11-alpine",
              "base_image: [python]")),
          arguments("no architectures on a docker manifest", variant(DOCKER, "architectures:\n  - amd64\n  - arm64\n", "")),
          arguments("no platform listed", variant(DOCKER, "architectures:\n  - amd64\n  - arm64\n", "architectures: []\n")),
          arguments("a platform listed twice", variant(DOCKER, "architectures:\n  - amd64\n  - arm64\n",
              "architectures: [amd64, amd64]\n")),
          arguments("architectures: with nothing after it", variant(DOCKER, "architectures:\n  - amd64\n  - arm64\n",
              "architectures:\n")),
          arguments("an unknown platform", variant(DOCKER, "  - arm64\n", "  - x86_64\n")),
          arguments("all as a docker platform", variant(DOCKER, "  - arm64\n", "  - all\n")),
          arguments("labels as a list", variant(DOCKER, LABELS, "labels: [a]\n")),
          arguments("a label value that is a map", variant(DOCKER, "  org.opencontainers.image.source:",
              "  a:\n    b: c\n  org.opencontainers.image.source:")),
          arguments("a deb without package", variant(DEB, "package: common-utils\n", "")),
          arguments("a deb without package_version", variant(DEB, "package_version: 1.0.3-1\n", "")),
          arguments("a deb without architecture", variant(DEB, "architecture: all\n", "")),
          arguments("a deb for an unknown architecture", variant(DEB, "architecture: all", "architecture: x86_64")),
          arguments("a deb with url and apt_repository", DEB + "url: https://apt.example.com/pool/c.deb\n"),
          arguments("a deb without location", variant(DEB, "apt_repository: https://apt.example.com/debian bookworm main\n", "")),
          arguments("a deb with an OCI artifact", DEB + "oci_artifact: ghcr.io/acme/c:1\n"),
          arguments("an apt repository without a component", variant(DEB, "bookworm main", "bookworm")),
          arguments("an apt repository without a URI", variant(DEB, "https://apt.example.com/debian bookworm main",
              "deb bookworm main")),
          arguments("a deb with architectures", DEB + "architectures: [amd64]\n"));
    }

    static Stream<Arguments> onlyTheReaderRejects() {
      return Stream.of(
          arguments("an image pinned to another digest than its sha256", variant(DOCKER, ":1.0.3\n",
              ":1.0.3@sha256:" + "0".repeat(64) + "\n")),
          arguments("an image name longer than 255 characters", variant(DOCKER, "acme/ms-ingestion", "acme/" + "m".repeat(260))),
          arguments("a size in hex (YAML 1.1 reads 0x10 as written, YAML 1.2 as 16)", variant(GENERIC, "size: 10240", "size: 0x10")));
    }

    static Stream<Arguments> onlyTheSchemaRejects() {
      return Stream.of(
          arguments("empty labels, which the reader reads as none", variant(DOCKER, LABELS, "labels:\n")),
          arguments("a sha256 of digits only, which YAML reads as a number", variant(GENERIC, SHA, "1".repeat(64))));
    }

    @Test
    void onlyTheReaderRejectsAVersionThatIsNotItsFolders() {
      String yaml = variantAll(GENERIC, "1.0.3", "1.0.4");
      assertThat(readerErrors(yaml, "generic", "1.0.3")).singleElement().asString()
          .contains("version \"1.0.4\" does not match its folder 1.0.3/");
      assertThat(SCHEMAS.errors(MANIFEST, yaml)).isEmpty();
    }

    @Test
    void onlyTheReaderRejectsAFormatThatIsNotItsFolders() {
      String yaml = variant(GENERIC, "format: generic", "format: deb") + "package: x\npackage_version: 1\narchitecture: all\n";
      assertThat(readerErrors(yaml, "deb", "1.0.3")).isEmpty();
      assertThat(readerErrors(yaml, "generic", "1.0.3")).extracting(Object::toString)
          .anySatisfy(p -> assertThat(p).contains("format \"deb\" does not match its folder generic/"));
      assertThat(SCHEMAS.errors(MANIFEST, yaml)).isEmpty();
    }

    private static String variantAll(String base, String from, String to) {
      return variant(base, "version: " + from, "version: " + to).replace("/" + from + "/", "/" + to + "/");
    }

    /**
     * The problems catalog check meets reading {@code yaml} in the folders its own format and
     * version name (generic/ and 1.0.3/ when it has none): the reader's, and the folders' names.
     */
    private static List<Problem> readerErrors(String yaml) {
      return readerErrors(yaml, field(yaml, "format", "generic"), field(yaml, "version", "1.0.3"));
    }

    private static List<Problem> readerErrors(String yaml, String formatFolder, String versionFolder) {
      String path = CatalogPaths.version("a/b", versionFolder) + "/" + formatFolder + "/" + CatalogPaths.MANIFEST;
      CatalogFiles files = new CatalogFiles("catalog/", new TreeMap<>(Map.of(path, yaml)), new java.util.TreeSet<>());
      return errors(CatalogTree.read(files).problems());
    }

    private static String field(String yaml, String key, String otherwise) {
      Matcher m = Pattern.compile("(?m)^" + key + ": (\\S+)$").matcher(yaml);
      return m.find() ? m.group(1) : otherwise;
    }
  }

  /** components.yaml and the domain indexes, read by one reader with another version field. */
  @Nested
  class IndexYamls {
    static final String COMPONENTS_YAML = """
        components:
          - name: cloud/dmp/ms-export
            latest_version: 3.2.0
          - name: platform/shared/common-utils
            latest_version: 1.3.0
        """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void bothAccept(String why, String yaml) {
      assertThat(componentsErrors(yaml)).as("components reader").isEmpty();
      assertThat(SCHEMAS.errors(COMPONENTS, yaml)).as("components schema").isEmpty();
      String domain = asDomain(yaml);
      assertThat(domainErrors(domain)).as("domain reader").isEmpty();
      assertThat(SCHEMAS.errors(DOMAIN, domain)).as("domain schema").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void bothReject(String why, String yaml) {
      assertThat(componentsErrors(yaml)).as("components reader").isNotEmpty();
      assertThat(SCHEMAS.errors(COMPONENTS, yaml)).as("components schema").isNotEmpty();
      String domain = asDomain(yaml);
      assertThat(domainErrors(domain)).as("domain reader").isNotEmpty();
      assertThat(SCHEMAS.errors(DOMAIN, domain)).as("domain schema").isNotEmpty();
    }

    @Test
    void eachFileHasItsOwnVersionField() {
      String domain = asDomain(COMPONENTS_YAML);
      assertThat(componentsErrors(domain)).isNotEmpty();
      assertThat(SCHEMAS.errors(COMPONENTS, domain)).isNotEmpty();
      assertThat(domainErrors(COMPONENTS_YAML)).isNotEmpty();
      assertThat(SCHEMAS.errors(DOMAIN, COMPONENTS_YAML)).isNotEmpty();
    }

    @Test
    void onlyTheReaderRejectsAComponentListedTwiceWithTwoVersions() {
      // The schema can only refuse identical entries.
      String yaml = COMPONENTS_YAML + "  - name: cloud/dmp/ms-export\n    latest_version: 3.1.0\n";
      assertThat(componentsErrors(yaml)).singleElement().asString().contains("listed twice");
      assertThat(SCHEMAS.errors(COMPONENTS, yaml)).isEmpty();
    }

    @Test
    void onlyTheSchemaRejectsEmptyComponents() {
      // The reader reads an empty value as no components.
      assertThat(componentsErrors("components:\n")).isEmpty();
      assertThat(SCHEMAS.errors(COMPONENTS, "components:\n")).isNotEmpty();
    }

    static Stream<Arguments> valid() {
      return Stream.of(
          arguments("two components", COMPONENTS_YAML),
          arguments("an empty file", "# nothing published yet\n"),
          arguments("no components", "components: []\n"),
          arguments("a version with a v, prerelease and build", variant(COMPONENTS_YAML, "3.2.0", "v3.2.0-rc.1+b.01")),
          arguments("a name of one segment", variant(COMPONENTS_YAML, "cloud/dmp/ms-export", "ms-export")),
          arguments("a name of 8 segments", variant(COMPONENTS_YAML, "cloud/dmp/ms-export", "a/b/c/d/e/f/g/h")),
          arguments("a name with . _ -", variant(COMPONENTS_YAML, "cloud/dmp/ms-export", "cloud.x/dmp_y/ms-export")),
          arguments("a name with a segment starting with versions", variant(COMPONENTS_YAML, "cloud/dmp/ms-export",
              "cloud/versions2/ms-export")),
          arguments("a 200-character name", variant(COMPONENTS_YAML, "cloud/dmp/ms-export", "c/" + "d".repeat(198))));
    }

    static Stream<Arguments> invalid() {
      return Stream.of(
          arguments("a list instead of a map", "- name: a\n  latest_version: 1.0.0\n"),
          arguments("an unknown field", COMPONENTS_YAML + "generated: true\n"),
          arguments("components as a map", "components:\n  a: 1.0.0\n"),
          arguments("an entry without a name", variant(COMPONENTS_YAML, "  - name: cloud/dmp/ms-export\n    ", "  - ")),
          arguments("an entry without a version", variant(COMPONENTS_YAML, "\n    latest_version: 3.2.0", "")),
          arguments("an entry with an unknown field", variant(COMPONENTS_YAML, "latest_version: 3.2.0",
              "latest_version: 3.2.0\n    owner: x")),
          arguments("an entry that is a string", "components:\n  - cloud/dmp/ms-export\n"),
          arguments("a version that is not SemVer", variant(COMPONENTS_YAML, "3.2.0", "3.2")),
          arguments("a version with a leading zero", variant(COMPONENTS_YAML, "3.2.0", "03.2.0")),
          arguments("a version with a leading-zero prerelease", variant(COMPONENTS_YAML, "3.2.0", "3.2.0-rc.01")),
          arguments("a version with an empty build", variant(COMPONENTS_YAML, "3.2.0", "3.2.0+")),
          arguments("a name with uppercase", variant(COMPONENTS_YAML, "cloud/dmp/ms-export", "cloud/dmp/MS-export")),
          arguments("a name with //", variant(COMPONENTS_YAML, "cloud/dmp/ms-export", "cloud//ms-export")),
          arguments("a name ending in /", variant(COMPONENTS_YAML, "cloud/dmp/ms-export", "cloud/dmp/")),
          arguments("a name with --", variant(COMPONENTS_YAML, "cloud/dmp/ms-export", "cloud/dmp/ms--export")),
          arguments("a versions segment", variant(COMPONENTS_YAML, "cloud/dmp/ms-export", "cloud/versions/ms-export")),
          arguments("a name of 9 segments", variant(COMPONENTS_YAML, "cloud/dmp/ms-export", "a/b/c/d/e/f/g/h/i")),
          arguments("a 201-character name", variant(COMPONENTS_YAML, "cloud/dmp/ms-export", "c/" + "d".repeat(199))),
          arguments("an entry listed twice", COMPONENTS_YAML + "  - name: cloud/dmp/ms-export\n    latest_version: 3.2.0\n"));
    }

    private static String asDomain(String componentsYaml) {
      return componentsYaml.replace("latest_version:", "version:");
    }

    private static List<Problem> componentsErrors(String yaml) {
      List<Problem> problems = new ArrayList<>();
      IndexReader.components(yaml, "catalog/index/components.yaml", problems);
      return errors(problems);
    }

    private static List<Problem> domainErrors(String yaml) {
      List<Problem> problems = new ArrayList<>();
      IndexReader.domain(yaml, "catalog/index/tags/domain-cloud.yaml", problems);
      return errors(problems);
    }
  }

  /**
   * ci-tags.yaml has no reader: catalog check does not look inside it, and catalog index --check
   * compares it with what the tree gives, byte for byte. The schema is what an editor shows.
   */
  @Nested
  class CiTagsYaml {
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void theSchemaAndCatalogIndexCheckRejectButCatalogCheckDoesNot(String why, String from, String to) {
      ExampleCatalog c = ExampleCatalog.load().edit(CatalogPaths.CI_TAGS, from, to);
      String yaml = c.yaml.get(CatalogPaths.CI_TAGS);
      assertThat(SCHEMAS.errors(CI_TAGS, yaml)).as("schema").isNotEmpty();
      assertThat(CatalogIndex.ciTagsText(c.tree())).as("what catalog index --check expects").isNotEqualTo(yaml);
      assertThat(c.check()).as("catalog check").isEmpty();
    }

    @Test
    void acceptsTagsOfEveryKind() {
      String yaml = "tags:\n" + Stream.of("domain:ran", "env:dev-1", "arch:armhf", "arch:all", "format:deb", "owner:Team A")
          .map(t -> "  - tag: " + t + "\n    components:\n      - name: a/b\n        version: 1.0.0\n").reduce("", String::concat);
      assertThat(SCHEMAS.errors(CI_TAGS, yaml)).isEmpty();
    }

    static Stream<Arguments> invalid() {
      return Stream.of(
          arguments("an unknown kind of tag", "tag: arch:arm64", "tag: cpu:arm64"),
          arguments("an architecture by its image name", "tag: arch:arm64", "tag: arch:arm/v7"),
          arguments("an unknown format", "tag: format:deb", "tag: format:rpm"),
          arguments("an uppercase domain", "tag: domain:core", "tag: domain:Core"),
          arguments("an owner without team", "tag: owner:platform", "tag: \"owner:\""),
          arguments("a tag without components", "  - tag: format:deb\n    components:\n      - name: platform/shared/common-utils\n"
              + "        version: 1.3.0\n", "  - tag: format:deb\n    components: []\n"),
          arguments("an entry without a version", "  - tag: format:deb\n    components:\n      - name: platform/shared/common-utils\n"
              + "        version: 1.3.0\n", "  - tag: format:deb\n    components:\n      - name: platform/shared/common-utils\n"),
          arguments("latest_version instead of version", "- tag: format:deb\n    components:\n      - name: platform/shared/common-utils\n"
              + "        version:", "- tag: format:deb\n    components:\n      - name: platform/shared/common-utils\n"
              + "        latest_version:"),
          arguments("a version that is not SemVer", "version: 2.0.0", "version: \"2.0\""),
          arguments("a component name with uppercase", "name: cloud/dmp/ms-export", "name: cloud/dmp/MS-export"),
          arguments("an unknown field", "tags:\n", "generated: true\ntags:\n"),
          arguments("a tag that is a list", "tag: arch:amd64", "tag: [arch:amd64]"));
    }
  }

  static Stream<Path> exampleFiles() {
    try (Stream<Path> files = Files.walk(ExampleCatalog.DIR)) {
      List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertThat(yaml).isNotEmpty();
      return yaml.stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The schema the first line of {@code text} names, resolved from {@code file}'s folder as an editor does. */
  static Path schemaNamedBy(Path file, String text) {
    Matcher m = SCHEMA_COMMENT.matcher(text);
    assertThat(m.find()).as("%s starts with '# yaml-language-server: $schema=...'", file).isTrue();
    return file.getParent().resolve(m.group(1)).normalize();
  }

  /** The schema of a catalog file by its place in the layout (see {@link CatalogPaths}). */
  static Path expectedSchema(Path file) {
    String path = file.toString().replace('\\', '/');
    String name = file.getFileName().toString();
    if (path.matches("catalog/components/.+/ownership\\.yaml")) {
      return OWNERSHIP;
    } else if (path.matches("catalog/components/.+/versions/[^/]+/metadata\\.yaml")) {
      return METADATA;
    } else if (path.matches("catalog/components/.+/versions/[^/]+/(docker|deb|generic)/manifest\\.yaml")) {
      return MANIFEST;
    } else if (path.equals("catalog/" + CatalogPaths.COMPONENTS_INDEX)) {
      return COMPONENTS;
    } else if (path.equals("catalog/" + CatalogPaths.CI_TAGS)) {
      return CI_TAGS;
    } else if (path.startsWith("catalog/" + CatalogPaths.TAGS + "/domain-") && name.endsWith(".yaml")) {
      return DOMAIN;
    }
    throw new AssertionError(file + " is not part of the catalog's layout");
  }

  /** {@code base} with {@code from} replaced, failing if it is not there (a case testing nothing). */
  static String variant(String base, String from, String to) {
    if (!base.contains(from)) {
      throw new IllegalArgumentException("no \"" + from + "\" in " + base);
    }
    return base.replace(from, to);
  }

  private static List<Problem> errors(List<Problem> problems) {
    return problems.stream().filter(Problem::isError).toList();
  }
}
