package io.imagefactory.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;

class CatalogIndexTest {
  private static final CatalogTree EXAMPLE = ExampleCatalog.load().tree();

  @Test
  void writesComponentsYamlAsApproved() {
    Approvals.verify(CatalogIndex.componentsText(EXAMPLE), new Options().forFile().withExtension(".yaml"));
  }

  @Test
  void writesCiTagsYamlAsApproved() {
    Approvals.verify(CatalogIndex.ciTagsText(EXAMPLE), new Options().forFile().withExtension(".yaml"));
  }

  @Test
  void theCommittedIndexIsWhatTheTreeGives() {
    ExampleCatalog committed = ExampleCatalog.load();
    CatalogIndex.files(EXAMPLE).forEach((path, text) -> assertThat(committed.yaml.get(path)).as(path).isEqualTo(text));
  }

  @Test
  void givesTheSameBytesWhateverTheOrderTheFilesComeIn() {
    String once = String.join("", CatalogIndex.files(EXAMPLE).values());
    for (int i = 0; i < 20; i++) {
      assertThat(String.join("", CatalogIndex.files(ExampleCatalog.load().tree()).values())).isEqualTo(once);
    }
  }

  @Test
  void listsTheLatestReleaseNotTheLastPublishedHotfix() {
    CatalogTree tree = ExampleCatalog.load()
        .put("components/cloud/dmp/ms-ingestion/versions/0.9.9/metadata.yaml", "architecture: amd64\ndomains: []\n"
            + "environments: []\n")
        .put("components/cloud/dmp/ms-ingestion/versions/1.1.0-rc.1/metadata.yaml", "architecture: amd64\n"
            + "domains: []\nenvironments: []\n")
        .tree();
    assertThat(CatalogIndex.components(tree)).extracting(IndexEntry::name, IndexEntry::version)
        .contains(org.assertj.core.groups.Tuple.tuple("cloud/dmp/ms-ingestion", "1.0.3"));
  }

  @Test
  void tagsEachComponentByItsLatestVersionsDomainsEnvironmentsArchitecturesFormatsAndOwner() {
    assertThat(CatalogIndex.ciTags(EXAMPLE).get("arch:arm64")).extracting(IndexEntry::name)
        .containsExactly("cloud/dmp/ms-ingestion");
    assertThat(CatalogIndex.ciTags(EXAMPLE).get("format:deb")).extracting(IndexEntry::name)
        .containsExactly("platform/shared/common-utils");
    assertThat(CatalogIndex.ciTags(EXAMPLE).get("owner:platform")).extracting(IndexEntry::name)
        .containsExactly("platform/shared/common-utils", "platform/shared/config-bundle");
    assertThat(CatalogIndex.ciTags(EXAMPLE).keySet()).containsAll(List.of("domain:core", "env:prod", "format:generic"));
  }
}
