package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that span documents: every name a Stage or ProjectConfig refers to is a generated
 * document of the right kind, and Stages and AnalysisTemplates agree on args.
 *
 * <p>Kargo accepts most broken references (a Stage whose Warehouse is missing is created and just
 * never gets Freight; undeclared verification args are dropped), so only a check like this one
 * finds them before they fail quietly in a cluster.
 */
final class KargoReferences {
  private final Map<String, Map<String, Document>> byKind = new LinkedHashMap<>();
  private final List<Violation> out = new ArrayList<>();

  private KargoReferences(List<Document> documents) {
    for (Document d : documents) {
      Document previous = byKind.computeIfAbsent(d.kind(), k -> new LinkedHashMap<>()).putIfAbsent(d.name(), d);
      if (previous != null) {
        out.add(d.violation("/metadata/name", "the stream holds two documents called " + d.id()));
      }
    }
  }

  /** The violations of references between {@code documents}, one generated stream. */
  static List<Violation> check(List<Document> documents) {
    KargoReferences refs = new KargoReferences(documents);
    refs.project();
    for (Document stage : refs.all("Stage")) {
      refs.freightSources(stage);
      refs.verification(stage);
    }
    return refs.out;
  }

  /** The name of the one Project of the stream, or null (a violation says why). */
  static String projectName(List<Document> documents) {
    List<Document> projects = documents.stream().filter(d -> d.kind().equals("Project")).toList();
    return projects.size() == 1 ? projects.get(0).name() : null;
  }

  private void project() {
    List<Document> projects = all("Project");
    if (projects.size() != 1) {
      out.add(new Violation("stream", "", "a generated stream holds exactly one Project, found " + projects.size()));
      return;
    }
    List<Document> configs = all("ProjectConfig");
    if (configs.size() > 1) {
      out.add(configs.get(1).violation("", "a Project has at most one ProjectConfig"));
    }
    for (Document config : configs) {
      if (!config.name().equals(projects.get(0).name())) {
        out.add(config.violation("/metadata/name", "a ProjectConfig must be named like its Project \""
            + projects.get(0).name() + "\" (Kargo's webhook)"));
      }
    }
  }

  private void freightSources(Document stage) {
    JsonNode requests = stage.spec().path("requestedFreight");
    for (int i = 0; i < requests.size(); i++) {
      String path = "/spec/requestedFreight/" + i;
      String warehouse = requests.get(i).path("origin").path("name").asText();
      if (!has("Warehouse", warehouse)) {
        out.add(stage.violation(path + "/origin/name", "Warehouse \"" + warehouse + "\" is not generated"));
      }
      JsonNode upstreams = requests.get(i).path("sources").path("stages");
      for (int u = 0; u < upstreams.size(); u++) {
        String upstream = upstreams.get(u).asText();
        String at = path + "/sources/stages/" + u;
        if (!has("Stage", upstream)) {
          out.add(stage.violation(at, "upstream Stage \"" + upstream + "\" is not generated"));
        } else if (!requestedOrigins(byKind.get("Stage").get(upstream)).contains(warehouse)) {
          out.add(stage.violation(at, "upstream Stage \"" + upstream + "\" does not request Freight from "
              + warehouse + ", so none can come from it"));
        }
      }
    }
  }

  private void verification(Document stage) {
    JsonNode verification = stage.spec().path("verification");
    if (verification.isMissingNode()) {
      return;
    }
    Map<String, JsonNode> declared = new LinkedHashMap<>();
    Set<String> metrics = new HashSet<>();
    boolean allFound = true;
    JsonNode templates = verification.path("analysisTemplates");
    for (int i = 0; i < templates.size(); i++) {
      String path = "/spec/verification/analysisTemplates/" + i;
      String kind = templates.get(i).path("kind").asText("AnalysisTemplate");
      String name = templates.get(i).path("name").asText();
      if (!has(kind, name)) {
        out.add(stage.violation(path, kind + " \"" + name + "\" is not generated"));
        allFound = false;
        continue;
      }
      JsonNode spec = byKind.get(kind).get(name).spec();
      spec.path("args").forEach(arg -> declared.putIfAbsent(arg.path("name").asText(), arg));
      for (JsonNode metric : spec.path("metrics")) {
        // Kargo concatenates the metrics of all templates into one AnalysisRun.
        if (!metrics.add(metric.path("name").asText())) {
          out.add(stage.violation(path, "metric \"" + metric.path("name").asText() + "\" of " + name
              + " is also defined by another referenced template"));
        }
      }
    }
    if (allFound) {
      checkArgs(stage, verification.path("args"), declared);
    }
  }

  private void checkArgs(Document stage, JsonNode args, Map<String, JsonNode> declared) {
    Set<String> supplied = new HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i).path("name").asText();
      supplied.add(name);
      if (!declared.containsKey(name)) {
        out.add(stage.violation("/spec/verification/args/" + i, "verification arg \"" + name
            + "\" is not declared by the referenced AnalysisTemplates, so Kargo drops it"));
      }
    }
    declared.forEach((name, arg) -> {
      if (!arg.has("value") && !arg.has("valueFrom") && !supplied.contains(name)) {
        out.add(stage.violation("/spec/verification/args", "AnalysisTemplate arg \"" + name
            + "\" has no value and the Stage does not supply it"));
      }
    });
  }

  private static Set<String> requestedOrigins(Document stage) {
    Set<String> origins = new HashSet<>();
    stage.spec().path("requestedFreight").forEach(r -> origins.add(r.path("origin").path("name").asText()));
    return origins;
  }

  private boolean has(String kind, String name) {
    return byKind.getOrDefault(kind, Map.of()).containsKey(name);
  }

  private List<Document> all(String kind) {
    return List.copyOf(byKind.getOrDefault(kind, Map.of()).values());
  }
}
