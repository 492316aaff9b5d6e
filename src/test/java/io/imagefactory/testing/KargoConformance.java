package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagefactory.testing.ObjectMetadata.NameRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks a generated stream of Kargo resources as a cluster with Kargo and Argo Rollouts would,
 * and more strictly: where Kargo would accept a document that cannot work, this says so.
 *
 * <p>Each document is checked against its CRD's strict schema ({@link KargoSchemas}), the CRD's
 * CEL rules and list types ({@link CrdRules}), metadata rules ({@link ObjectMetadata}), Kargo's
 * schemas for the fields its CRDs leave open and its webhook rules ({@link KargoRules}), what its
 * defaulting webhooks would store otherwise than written ({@link KargoWebhook}); then the
 * stream's cross-references ({@link KargoReferences}).
 *
 * <p>Everything is checked against two sets of Kargo's CRDs and schemas: the release users run
 * (v1.11.2) and {@code main}. A violation found with only one set says which.
 */
public final class KargoConformance {
  /** Name rule of each generated kind. */
  private static final Map<String, NameRule> NAMES = Map.of(
      "Project", NameRule.DNS_LABEL, // it becomes a namespace
      "ProjectConfig", NameRule.DNS_SUBDOMAIN,
      "Warehouse", NameRule.DNS_LABEL, // Kargo copies Warehouse and Stage names into label values
      "Stage", NameRule.DNS_LABEL,
      "AnalysisTemplate", NameRule.DNS_SUBDOMAIN,
      "CronJob", NameRule.CRON_JOB);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The sets checked against: the release users run, then what Kargo's main branch has. */
  private static final List<String> RELEASES = List.of(KargoSchemas.V1_11_2, KargoSchemas.MAIN);

  /** One set of CRDs and schemas with the rules that read them. */
  private record Release(String name, KargoSchemas schemas, KargoRules rules) {}

  private final List<Release> releases;

  private KargoConformance(List<KargoSchemas> sets) {
    this.releases = sets.stream().map(s -> new Release(name(s.dir()), s, new KargoRules(s))).toList();
  }

  /** Loads and compiles both sets; a few seconds, so share one instance per test class. */
  public static KargoConformance load() {
    return load(RELEASES.toArray(String[]::new));
  }

  /** Checks against the sets in these resource directories only, e.g. {@link KargoSchemas#V1_11_2}. */
  public static KargoConformance load(String... dirs) {
    return new KargoConformance(List.of(dirs).stream().map(KargoSchemas::load).toList());
  }

  /** The sets in use, release first. */
  public List<KargoSchemas> schemaSets() {
    return releases.stream().map(Release::schemas).toList();
  }

  /** Every violation in {@code yaml}, a stream of documents as image-factory writes it. */
  public List<Violation> check(String yaml) {
    try {
      return checkDocuments(parse(yaml));
    } catch (YAMLException e) {
      return List.of(new Violation("stream", "", "kubectl cannot read the YAML: " + e.getMessage()));
    }
  }

  /** Every violation in {@code documents}, one generated stream. */
  public List<Violation> checkDocuments(List<JsonNode> documents) {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      docs.add(Document.of(documents.get(i), i));
    }
    String project = KargoReferences.projectName(docs);
    Map<Violation, List<String>> found = new LinkedHashMap<>();
    for (Release r : releases) {
      for (Document d : docs) {
        checkDocument(d, project, r).forEach(v -> found.computeIfAbsent(v, k -> new ArrayList<>()).add(r.name()));
      }
    }
    List<Violation> out = new ArrayList<>();
    found.forEach((v, in) -> out.add(in.size() == releases.size() ? v
        : new Violation(v.document(), v.path(), v.message() + " (with Kargo " + String.join(", ", in) + " only)")));
    out.addAll(KargoReferences.check(docs));
    return out;
  }

  /** {@code v1.11.2} for {@code kargo-crds/v1.11.2/}, {@code main} for {@code kargo-crds/}. */
  private static String name(String dir) {
    String last = dir.replaceAll("/$", "");
    return dir.equals(KargoSchemas.MAIN) ? "main" : last.substring(last.lastIndexOf('/') + 1);
  }

  /**
   * The documents of a YAML stream, read with YAML 1.1 rules as kubectl's go-yaml reads them: an
   * unquoted {@code yes} is a boolean and {@code 2022-11-28} a date, which the schemas then reject.
   * A key given twice is an error, as it is for {@code kubectl apply --validate=strict}.
   */
  public static List<JsonNode> parse(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setAllowDuplicateKeys(false);
    List<JsonNode> documents = new ArrayList<>();
    for (Object document : new Yaml(new SafeConstructor(options)).loadAll(yaml)) {
      if (document != null) {
        documents.add(JSON.valueToTree(document));
      }
    }
    return documents;
  }

  private static List<Violation> checkDocument(Document d, String project, Release r) {
    KargoSchemas.CustomResource crd = r.schemas().crd(d.kind());
    if (crd == null) {
      return List.of(d.violation("/kind", "image-factory generates no " + d.kind() + "; there is no CRD to check it"));
    }
    if (!crd.apiVersion().equals(d.body().path("apiVersion").asText())) {
      return List.of(d.violation("/apiVersion", "the CRD serves " + d.kind() + " as " + crd.apiVersion()
          + ", not " + d.body().path("apiVersion").asText()));
    }
    List<Violation> out = new ArrayList<>(r.schemas().validate(d.id(), crd, d.body()));
    out.addAll(CrdRules.check(d, crd.schema()));
    out.addAll(ObjectMetadata.check(d, NAMES.get(d.kind()), crd.namespaced(), project));
    if (d.body().has("status")) {
      out.add(d.violation("/status", "status is written by controllers, not by manifests"));
    }
    out.addAll(r.rules().check(d));
    out.addAll(KargoWebhook.check(d));
    return out;
  }
}
