package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog commands on a copy of the example catalog, through the real command line. */
class CatalogCommandsTest {
  private static final String ING_102 = "catalog/components/cloud/dmp/ms-ingestion/versions/1.0.2/";

  @TempDir Path root;

  @Test
  void checksTheExampleCatalogOffline() throws IOException {
    copyCatalog();
    CliRun run = CliRun.in(root, "catalog", "check", "--offline");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("valid: 4 components, 6 versions\n");
  }

  @Test
  void reportsEveryProblemAtItsLineWithExitCode3AndAsJson() throws IOException {
    copyCatalog();
    edit(ING_102 + "metadata.yaml", "port_exposed: 8443", "port_exposed: 70000");
    edit("catalog/index/components.yaml", "latest_version: 1.0.3", "latest_version: 1.0.2");
    CliRun run = CliRun.in(root, "catalog", "check", "--offline");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("catalog/index/components.yaml:7:21: latest_version of cloud/dmp/ms-ingestion",
        ING_102 + "metadata.yaml:9:15: port_exposed 70000 is not a port. write a number from 1 to 65535.");
    CliRun json = CliRun.in(root, "catalog", "check", "--offline", "--output", "json");
    assertThat(json.exitCode()).isEqualTo(3);
    assertThat(json.out()).contains("\"valid\" : false", "\"errors\" : 2", "\"line\" : 9", "\"column\" : 15");
  }

  @Test
  void regeneratesTheIndexIdenticallyAndItsCheckFailsWhenOutOfDate() throws IOException {
    copyCatalog();
    byte[] before = Files.readAllBytes(root.resolve("catalog/index/components.yaml"));
    assertThat(CliRun.in(root, "catalog", "index", "--check").exitCode()).isZero();
    Files.delete(root.resolve("catalog/index/tags/ci-tags.yaml"));
    edit("catalog/index/components.yaml", "latest_version: 1.0.3", "latest_version: 1.0.2");
    CliRun stale = CliRun.in(root, "catalog", "index", "--check");
    assertThat(stale.exitCode()).isEqualTo(1);
    assertThat(stale.out()).isEqualTo("catalog/index/components.yaml: out of date\ncatalog/index/tags/ci-tags.yaml: out of date\n");
    CliRun write = CliRun.in(root, "catalog", "index");
    assertThat(write.exitCode()).as(write.err()).isZero();
    assertThat(Files.readAllBytes(root.resolve("catalog/index/components.yaml"))).isEqualTo(before);
    assertThat(CliRun.in(root, "catalog", "index").out()).isEqualTo("index up to date\n");
  }

  @Test
  void queriesPublishedVersionsByDomainArchitectureFormatAndOwnerNewestFirst() throws IOException {
    copyCatalog();
    assertThat(CliRun.in(root, "catalog", "query", "--domain", "cloud").out()).isEqualTo("""
        cloud/dmp/ms-export 3.2.0  [docker]  amd64  promoted to cloud  owner cloud-dmp
        cloud/dmp/ms-ingestion 1.0.2  [docker]  amd64  promoted to cloud  owner cloud-dmp
        platform/shared/common-utils 1.3.0  [deb]  all  promoted to cloud, core  owner platform
        """);
    assertThat(CliRun.in(root, "catalog", "query", "--arch", "arm64", "--format", "docker", "--latest").out())
        .isEqualTo("cloud/dmp/ms-ingestion 1.0.3  [docker]  amd64,arm64  owner cloud-dmp\n");
    CliRun json = CliRun.in(root, "catalog", "query", "--owner", "platform", "--format", "deb", "--output", "json");
    assertThat(json.out()).contains("\"version\" : \"1.3.0\"", "\"version\" : \"1.2.0\"", "\"owner_team\" : \"platform\"")
        .doesNotContain("ms-ingestion");
    CliRun none = CliRun.in(root, "catalog", "query", "--domain", "edge");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.out()).isEmpty();
    assertThat(CliRun.in(root, "catalog", "query", "--format", "rpm").err())
        .contains("--format: \"rpm\" is not a format. use docker, deb or generic");
  }

  @Test
  void showsAComponentWithItsOwnersAndVersionsAndOneVersionWithItsManifests() throws IOException {
    copyCatalog();
    CliRun component = CliRun.in(root, "catalog", "show", "cloud/dmp/ms-ingestion");
    assertThat(component.exitCode()).as(component.err()).isZero();
    assertThat(component.out()).startsWith("component: cloud/dmp/ms-ingestion\nlatest_version: 1.0.3\nownership:\n"
        + "  owner_team: cloud-dmp\n").contains("  - version: 1.0.2\n    formats: docker\n    promoted_to: cloud\n");
    CliRun version = CliRun.in(root, "catalog", "show", "cloud/dmp/ms-ingestion@1.0.2", "--output", "json");
    assertThat(version.out()).contains("\"latest\" : false", "\"promoted_to\" : [ \"cloud\" ]",
        "\"image\" : \"ghcr.io/acme/ms-ingestion:1.0.2\"", "\"base_image\" : \"docker.io/library/python:3.11-alpine\"");
    CliRun missing = CliRun.in(root, "catalog", "show", "cloud/dmp/ms-ingestion@9.9.9");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(missing.err()).contains("cloud/dmp/ms-ingestion has no version \"9.9.9\". use one of: 1.0.2, 1.0.3");
  }

  @Test
  void printsTheLatestVersionForScriptsAndRefusesAnUnknownComponent() throws IOException {
    copyCatalog();
    assertThat(CliRun.in(root, "catalog", "latest", "cloud/dmp/ms-ingestion").out()).isEqualTo("1.0.3\n");
    assertThat(CliRun.in(root, "catalog", "latest", "cloud/dmp/ms-export", "--output", "json").out())
        .isEqualTo("{\"name\": \"cloud/dmp/ms-export\", \"latest_version\": \"3.2.0\"}\n");
    CliRun unknown = CliRun.in(root, "catalog", "latest", "cloud/dmp/nope");
    assertThat(unknown.exitCode()).isEqualTo(3);
    assertThat(unknown.err()).contains("catalog/index/components.yaml: has no component \"cloud/dmp/nope\"");
  }

  @Test
  void findsTheCatalogWhereSettingsSayOrWhereToldAndSaysSoWhenItIsMissing() throws IOException {
    CliRun missing = CliRun.in(root, "catalog", "check", "--offline");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).contains("catalog/: not found under");
    copyCatalog();
    Files.move(root.resolve("catalog"), root.resolve("artifacts"));
    assertThat(CliRun.in(root, "catalog", "latest", "cloud/dmp/ms-export", "--catalog", "artifacts").out())
        .isEqualTo("3.2.0\n");
  }

  @Test
  void promotesInPlaceOfTheComponentsVersionAndRefusesWhatCatalogCheckWouldReport() throws IOException {
    copyCatalog();
    Path domain = root.resolve("catalog/index/tags/domain-cloud.yaml");
    CliRun promote = CliRun.in(root, "catalog", "promote", "cloud/dmp/ms-ingestion", "1.0.3", "--domain", "cloud");
    assertThat(promote.exitCode()).as(promote.err()).isZero();
    assertThat(promote.out()).isEqualTo("promoted cloud/dmp/ms-ingestion 1.0.3 to cloud (was 1.0.2): wrote"
        + " index/tags/domain-cloud.yaml (commit it on a branch for a merge request)\n");
    assertThat(domain).content().contains("  - name: cloud/dmp/ms-ingestion\n    version: 1.0.3\n"
        + "  - name: cloud/dmp/ms-export\n");
    assertThat(CliRun.in(root, "catalog", "check", "--offline").exitCode()).isZero();
    assertThat(CliRun.in(root, "catalog", "promote", "cloud/dmp/ms-ingestion", "1.0.3", "--domain", "cloud").out())
        .isEqualTo("cloud/dmp/ms-ingestion 1.0.3 is already promoted to cloud: nothing to write\n");

    String before = Files.readString(domain);
    CliRun wrongDomain = CliRun.in(root, "catalog", "promote", "platform/shared/config-bundle", "2.0.0", "--domain", "cloud");
    assertThat(wrongDomain.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(wrongDomain.err()).contains("catalog/index/tags/domain-cloud.yaml:", "platform/shared/config-bundle 2.0.0"
        + " is not for domain cloud: its metadata.yaml lists core. add cloud to its domains, or promote another version.");
    CliRun neededByAnother = CliRun.in(root, "catalog", "demote", "platform/shared/common-utils", "1.3.0", "--domain", "cloud");
    assertThat(neededByAnother.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(neededByAnother.err()).contains("cloud/dmp/ms-ingestion 1.0.3 needs common-utils >=1.3.0");
    assertThat(domain).content().isEqualTo(before);

    CliRun demote = CliRun.in(root, "catalog", "demote", "cloud/dmp/ms-export", "3.2.0", "--domain", "cloud");
    assertThat(demote.exitCode()).as(demote.err()).isZero();
    assertThat(domain).content().doesNotContain("ms-export");
    assertThat(CliRun.in(root, "catalog", "demote", "cloud/dmp/ms-export", "3.2.0", "--domain", "cloud").err())
        .contains("cloud/dmp/ms-export 3.2.0 is not promoted to cloud");
    assertThat(CliRun.in(root, "catalog", "promote", "cloud/dmp/ms-export", "3.2.0", "--domain", "Cloud!").err())
        .contains("--domain: \"Cloud!\" is not a domain name");
  }

  private void copyCatalog() {
    Fixtures.exampleCatalog(root);
  }

  private void edit(String path, String from, String to) throws IOException {
    Path file = root.resolve(path);
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }
}
