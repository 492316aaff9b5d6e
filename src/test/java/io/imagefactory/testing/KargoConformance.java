package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagefactory.testing.ObjectMetadata.NameRule;
import java.util.ArrayList;
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
 * schemas for the fields its CRDs leave open and its webhook rules ({@link KargoRules}); then the
 * stream's cross-references ({@link KargoReferences}).
 */
public final class KargoConformance {
  /** Name rule of each generated kind. */
  private static final Map<String, NameRule> NAMES = Map.of(
      "Project", NameRule.DNS_LABEL, // it becomes a namespace
      "ProjectConfig", NameRule.DNS_SUBDOMAIN,
      "Warehouse", NameRule.DNS_LABEL, // Kargo copies Warehouse and Stage names into label values
      "Stage", NameRule.DNS_LABEL,
      "AnalysisTemplate", NameRule.DNS_SUBDOMAIN);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KargoSchemas schemas;
  private final KargoRules rules;

  private KargoConformance(KargoSchemas schemas) {
    this.schemas = schemas;
    this.rules = new KargoRules(schemas);
  }

  /** Loads and compiles the schemas; about a second, so share one instance per test class. */
  public static KargoConformance load() {
    return new KargoConformance(KargoSchemas.load());
  }

  /** The schemas in use. */
  public KargoSchemas schemas() {
    return schemas;
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
    List<Violation> out = new ArrayList<>();
    for (Document d : docs) {
      out.addAll(checkDocument(d, project));
    }
    out.addAll(KargoReferences.check(docs));
    return out;
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

  private List<Violation> checkDocument(Document d, String project) {
    KargoSchemas.CustomResource crd = schemas.crd(d.kind());
    if (crd == null) {
      return List.of(d.violation("/kind", "image-factory generates no " + d.kind() + "; there is no CRD to check it"));
    }
    if (!crd.apiVersion().equals(d.body().path("apiVersion").asText())) {
      return List.of(d.violation("/apiVersion", "the CRD serves " + d.kind() + " as " + crd.apiVersion()
          + ", not " + d.body().path("apiVersion").asText()));
    }
    List<Violation> out = new ArrayList<>(schemas.validate(d.id(), crd, d.body()));
    out.addAll(CrdRules.check(d, crd.schema()));
    out.addAll(ObjectMetadata.check(d, NAMES.get(d.kind()), crd.namespaced(), project));
    if (d.body().has("status")) {
      out.add(d.violation("/status", "status is written by controllers, not by manifests"));
    }
    out.addAll(rules.check(d));
    return out;
  }
}
