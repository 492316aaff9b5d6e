package io.imagefactory.kargo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.imagefactory.config.Settings;
import io.imagefactory.testing.KargoConformance;
import io.imagefactory.testing.RealComponents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code kustomize/image-factory}, what Argo CD syncs, built by the real {@code kubectl kustomize}:
 * it must hold the generated resources unchanged plus the static ones they rely on.
 */
class KustomizeIT {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern SECRET_EXPRESSION = Pattern.compile("secret\\('([^']+)'\\)");

  private static Map<String, JsonNode> built;
  private static Map<String, JsonNode> generated;

  /**
   * What kubectl kustomize builds, built once. Each test that needs it asks here rather than in
   * a {@code @BeforeAll}: without kubectl, a {@code @BeforeAll} that skips hides every test of the
   * class ("Tests run: 0"); this way each is skipped by name, or fails under CI, and the tests
   * that need no kubectl still run.
   */
  private static synchronized Map<String, JsonNode> built() throws Exception {
    if (built == null) {
      Path kubectl = RealComponents.require("kubectl", "install kubectl (it bundles kustomize)");
      built = byId(kustomize(kubectl, "kustomize/image-factory"));
    }
    return built;
  }

  private static synchronized Map<String, JsonNode> generated() throws IOException {
    if (generated == null) {
      generated = byId(Files.readString(Path.of("dist/image-factory.k8s.yaml")));
    }
    return generated;
  }

  @Test
  void includesEveryGeneratedResourceUnchanged() throws Exception {
    assertThat(generated()).isNotEmpty();
    Map<String, JsonNode> built = built();
    generated().forEach((id, doc) -> assertThat(built.get(id)).as(id).isEqualTo(doc));
  }

  @Test
  void itsKargoResourcesConformToTheCrdsAsKustomizeWritesThem() throws Exception {
    // kustomize re-sorts keys and re-quotes scalars: check what Argo CD will apply, not our file.
    List<JsonNode> kargo = built().values().stream()
        .filter(d -> d.path("apiVersion").asText().matches("(kargo\\.akuity|argoproj)\\.io/.*|batch/v1")).toList();
    assertThat(kargo).hasSize(generated().size());
    assertThat(KargoConformance.load().checkDocuments(kargo)).isEmpty();
  }

  @Test
  void addsOnlyTheProjectNamespaceAndTheAnalysisServiceAccount() throws Exception {
    TreeSet<String> extra = new TreeSet<>(built().keySet());
    extra.removeAll(generated().keySet());
    assertThat(extra).containsExactly("Namespace/image-factory", "ServiceAccount/image-factory-analysis");
  }

  @Test
  void leavesTheClusterScopedProjectWithoutANamespace() throws Exception {
    assertThat(built().get("Project/" + project()).path("metadata").has("namespace")).isFalse();
  }

  @Test
  void declaresTheNamespaceKargoAdoptsForTheProject() throws Exception {
    JsonNode ns = built().get("Namespace/" + project());
    assertThat(ns).as("static/ must declare the namespace of settings.yaml's project").isNotNull();
    assertThat(ns.at("/metadata/labels/kargo.akuity.io~1project").asText()).isEqualTo("true");
  }

  @Test
  void putsTheServiceAccountWhereTheAnalysisJobsRunAndMountsNoToken() throws Exception {
    JsonNode sa = built().get("ServiceAccount/" + AnalysisTemplates.SERVICE_ACCOUNT);
    assertThat(sa).as("the AnalysisTemplates' serviceAccountName").isNotNull();
    assertThat(sa.at("/metadata/namespace").asText()).isEqualTo(project());
    assertThat(sa.path("automountServiceAccountToken").asBoolean(true)).isFalse();
    for (String template : List.of(AnalysisTemplates.ANALYZE, AnalysisTemplates.RECORD_UPDATE,
        AnalysisTemplates.RECORD_REBUILD)) {
      JsonNode pod = built().get("AnalysisTemplate/" + template).at("/spec/metrics/0/provider/job/spec/template/spec");
      assertThat(pod.path("serviceAccountName").asText()).isEqualTo(sa.at("/metadata/name").asText());
    }
    for (String cronJob : List.of(ScheduledJobs.REBUILD, ScheduledJobs.VERIFY)) {
      JsonNode pod = built().get("CronJob/" + cronJob).at("/spec/jobTemplate/spec/template/spec");
      assertThat(pod.path("serviceAccountName").asText()).isEqualTo(sa.at("/metadata/name").asText());
    }
  }

  @Test
  void referencesOnlyTheSecretsTheReadmeDocuments() throws Exception {
    String readme = Files.readString(Path.of("kustomize/README.md"));
    TreeSet<String> referenced = new TreeSet<>();
    built().values().forEach(doc -> collectSecrets(doc, referenced));
    assertThat(referenced).containsExactlyInAnyOrder(Secrets.STATE_REPOSITORY, Secrets.GITHUB, Secrets.GITLAB, Secrets.SLACK);
    referenced.forEach(s -> assertThat(readme).as("kustomize/README.md documents " + s).contains("`" + s + "`"));
  }

  @Test
  void theExampleArgoCdApplicationsPointAtPathsThatExist() throws IOException {
    for (String file : List.of("application.yaml", "application-large-fleet.yaml")) {
      for (JsonNode app : documents(Files.readString(Path.of("kustomize/argocd", file)))) {
        Path path = Path.of(app.at("/spec/source/path").asText());
        assertThat(path).as(file).isDirectory();
        JsonNode include = app.at("/spec/source/directory/include");
        if (!include.isMissingNode()) {
          assertThat(path.resolve(include.asText())).as(file).isRegularFile();
        }
      }
    }
  }

  private static void collectSecrets(JsonNode node, TreeSet<String> into) {
    if (node.has("secretKeyRef")) {
      into.add(node.at("/secretKeyRef/name").asText());
    }
    if (node.isTextual()) {
      Matcher m = SECRET_EXPRESSION.matcher(node.asText());
      while (m.find()) {
        into.add(m.group(1));
      }
    }
    node.forEach(child -> collectSecrets(child, into));
  }

  private static String project() throws IOException {
    return generated().values().stream().filter(d -> d.path("kind").asText().equals("Project"))
        .map(d -> d.at("/metadata/name").asText()).findFirst().orElse(Settings.DEFAULT_PROJECT);
  }

  private static String kustomize(Path kubectl, String dir) throws Exception {
    Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
    assertThat(p.exitValue()).as("kubectl kustomize " + dir + ": " + err).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static Map<String, JsonNode> byId(String yaml) throws IOException {
    Map<String, JsonNode> docs = new TreeMap<>();
    for (JsonNode doc : documents(yaml)) {
      String id = doc.path("kind").asText() + "/" + doc.at("/metadata/name").asText();
      assertThat(docs.put(id, doc)).as("one document per kind and name: " + id).isNull();
    }
    return docs;
  }

  private static List<JsonNode> documents(String yaml) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }
}
