package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What Kargo and Argo Rollouts demand of one document beyond its CRD's schema: the fields the CRD
 * leaves open (subscriptions, step configs) against Kargo's own JSON Schemas, and the rules of
 * Kargo's webhooks and controllers listed in notes/kargo-api.md.
 */
final class KargoRules {
  private static final List<String> SUBSCRIPTION_TYPES = List.of("image", "git", "chart");
  /** Deprecated since Kargo 1.11: discovery fails when they are set, whatever their value. */
  private static final List<String> DEAD_TAG_FIELDS = List.of("allowTags", "ignoreTags");

  private final KargoSchemas schemas;

  KargoRules(KargoSchemas schemas) {
    this.schemas = schemas;
  }

  List<Violation> check(Document d) {
    List<Violation> out = new ArrayList<>();
    switch (d.kind()) {
      case "Warehouse" -> warehouse(d, out);
      case "Stage" -> stage(d, out);
      case "AnalysisTemplate" -> analysisTemplate(d, out);
      case "CronJob" -> cronJob(d, out);
      default -> { }
    }
    return out;
  }

  /**
   * What the API server checks of a CronJob beyond its schema: a standard five-field schedule
   * (robfig/cron's parser, as the CronJob controller uses it; no seconds field, and no {@code TZ=}
   * in it when {@code timeZone} is set) and a time zone of the tz database.
   */
  private static void cronJob(Document d, List<Violation> out) {
    String schedule = d.spec().path("schedule").asText();
    String field = "(\\*|[0-9]+(-[0-9]+)?)(/[0-9]+)?(,(\\*|[0-9]+(-[0-9]+)?)(/[0-9]+)?)*";
    if (!schedule.matches(field + "( " + field + "){4}")) {
      out.add(d.violation("/spec/schedule", "\"" + schedule + "\" is not a five-field cron schedule"));
    }
    String zone = d.spec().path("timeZone").asText("");
    if (!zone.isEmpty() && !java.time.ZoneId.getAvailableZoneIds().contains(zone)) {
      out.add(d.violation("/spec/timeZone", "\"" + zone + "\" is not a time zone of the tz database"));
    }
  }

  private void warehouse(Document d, List<Violation> out) {
    // The CRD defaults it, but writing it shows what the fleet costs each registry.
    if (!d.spec().has("interval")) {
      out.add(d.violation("/spec/interval", "interval is not written"));
    }
    Set<String> repositories = new HashSet<>();
    JsonNode subscriptions = d.spec().path("subscriptions");
    for (int i = 0; i < subscriptions.size(); i++) {
      subscription(d, "/spec/subscriptions/" + i, subscriptions.get(i), repositories, out);
    }
  }

  private void subscription(Document d, String path, JsonNode item, Set<String> repositories,
      List<Violation> out) {
    List<String> types = new ArrayList<>();
    item.fieldNames().forEachRemaining(types::add);
    if (types.size() != 1 || !schemas.hasSubscriptionType(types.get(0))) {
      out.add(d.violation(path, "a subscription has exactly one of " + SUBSCRIPTION_TYPES + ", found " + types));
      return;
    }
    String type = types.get(0);
    JsonNode body = item.get(type);
    out.addAll(schemas.validateSubscription(d.id(), path + "/" + type, type, body));
    if (!repositories.add(type + " " + body.path("repoURL").asText() + " " + body.path("name").asText())) {
      out.add(d.violation(path, "the Warehouse already subscribes to " + type + " " + body.path("repoURL").asText()
          + " (Kargo allows one subscription per repository)"));
    }
    if (type.equals("image")) {
      imageSubscription(d, path + "/image", body, out);
    }
    for (String dead : DEAD_TAG_FIELDS) {
      if (body.has(dead)) {
        out.add(d.violation(path + "/" + type + "/" + dead,
            dead + " is deprecated and fails discovery since Kargo 1.11; write " + dead + "Regexes"));
      }
    }
  }

  private static void imageSubscription(Document d, String path, JsonNode image, List<Violation> out) {
    JsonNode strategy = image.path("imageSelectionStrategy");
    if (!strategy.isTextual()) {
      // Kargo's default, SemVer, selects nothing for tags such as 22-bookworm-slim.
      out.add(d.violation(path + "/imageSelectionStrategy", "imageSelectionStrategy is not written"));
    } else if (strategy.asText().equals("Digest") && image.path("constraint").asText("").isEmpty()) {
      out.add(d.violation(path + "/constraint", "the Digest strategy needs the tag to follow in constraint"
          + " (Kargo's webhook rejects it without)"));
    }
  }

  private void stage(Document d, List<Violation> out) {
    JsonNode steps = d.spec().path("promotionTemplate").path("spec").path("steps");
    Set<String> aliases = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      step(d, "/spec/promotionTemplate/spec/steps/" + i, steps.get(i), out);
      String alias = steps.get(i).path("as").asText("step-" + (i + 1));
      if (!aliases.add(alias)) {
        out.add(d.violation("/spec/promotionTemplate/spec/steps/" + i + "/as",
            "step alias \"" + alias + "\" is used twice; later steps read outputs by alias"));
      }
    }
    JsonNode verification = d.spec().path("verification");
    if (!verification.isMissingNode() && steps.isEmpty()) {
      out.add(d.violation("/spec/verification", "a Stage without promotion steps is a control-flow Stage"
          + " and never runs its verification"));
    }
    requestedFreight(d, out);
    verificationArgs(d, verification.path("args"), out);
  }

  private void step(Document d, String path, JsonNode step, List<Violation> out) {
    if (step.has("task")) {
      for (String field : List.of("if", "config")) {
        if (step.has(field)) {
          out.add(d.violation(path + "/" + field, "a step that runs a task cannot set " + field));
        }
      }
      return;
    }
    String uses = step.path("uses").asText();
    if (!schemas.hasStep(uses)) {
      out.add(d.violation(path + "/uses", "\"" + uses + "\" is not a built-in promotion step of OSS Kargo"));
      return;
    }
    JsonNode config = step.has("config") ? step.get("config") : JsonNodeFactory.instance.objectNode();
    out.addAll(schemas.validateStepConfig(d.id(), path + "/config", uses, config));
  }

  private static void requestedFreight(Document d, List<Violation> out) {
    JsonNode requests = d.spec().path("requestedFreight");
    Set<String> origins = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      String path = "/spec/requestedFreight/" + i;
      JsonNode origin = requests.get(i).path("origin");
      if (!origins.add(origin.path("kind").asText() + "/" + origin.path("name").asText())) {
        out.add(d.violation(path + "/origin", "Freight from " + origin.path("name").asText() + " is requested twice"));
      }
      JsonNode sources = requests.get(i).path("sources");
      int upstreams = sources.path("stages").size();
      boolean direct = sources.path("direct").asBoolean();
      if (!direct && upstreams == 0) {
        out.add(d.violation(path + "/sources", "neither direct nor stages: no Freight can ever reach the Stage"));
      }
      String policy = sources.path("autoPromotionOptions").path("selectionPolicy").asText("");
      if (policy.equals("MatchUpstream") && (direct || upstreams != 1)) {
        out.add(d.violation(path + "/sources/autoPromotionOptions", "MatchUpstream needs exactly one upstream Stage"
            + " and no direct source"));
      }
    }
  }

  private static void verificationArgs(Document d, JsonNode args, List<Violation> out) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String path = "/spec/verification/args/" + i;
      String name = args.get(i).path("name").asText();
      if (!names.add(name)) {
        out.add(d.violation(path + "/name", "verification arg \"" + name + "\" is given twice"));
      }
      String value = args.get(i).path("value").asText();
      if (!Expressions.yieldsString(value)) {
        out.add(d.violation(path + "/value", "\"" + value + "\" may evaluate to a number or boolean, and Kargo"
            + " creates no AnalysisRun for an arg that is not a string; wrap it in quote()"));
      }
    }
  }

  private static void analysisTemplate(Document d, List<Violation> out) {
    Set<String> metricNames = new HashSet<>();
    JsonNode metrics = d.spec().path("metrics");
    for (int i = 0; i < metrics.size(); i++) {
      JsonNode metric = metrics.get(i);
      String path = "/spec/metrics/" + i;
      if (!metricNames.add(metric.path("name").asText())) {
        out.add(d.violation(path + "/name", "metric \"" + metric.path("name").asText() + "\" is defined twice"));
      }
      if (metric.has("interval") && !metric.has("count")) {
        out.add(d.violation(path, "a metric with an interval and no count measures for ever; the run never ends"));
      }
    }
    Set<String> argNames = new HashSet<>();
    JsonNode args = d.spec().path("args");
    for (int i = 0; i < args.size(); i++) {
      if (!argNames.add(args.get(i).path("name").asText())) {
        out.add(d.violation("/spec/args/" + i + "/name", "arg \"" + args.get(i).path("name").asText()
            + "\" is declared twice"));
      }
    }
  }
}
