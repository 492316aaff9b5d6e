package io.imagefactory.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.TerminalText;
import io.imagefactory.state.Verification;
import io.imagefactory.state.Verification.Condition;
import io.imagefactory.state.Verification.Status;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code verify}'s results for people (a line per image) and for scripts (JSON). */
public final class VerifyReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VerifyReport() {}

  /**
   * One line per image (with {@code quiet}, only those not Available), each condition that is not
   * True under it, the digests pinned that their tag no longer points at, and a summary line that
   * counts the {@code notDue} images {@code verify --only-due} left alone.
   */
  public static String text(List<Checked> checked, int notDue, boolean quiet) {
    StringBuilder out = new StringBuilder();
    for (Checked c : checked) {
      List<Condition> problems = c.verification().conditions().stream().filter(k -> k.status() != Status.TRUE).toList();
      if (quiet && c.available() && problems.isEmpty()) {
        continue;
      }
      out.append(TerminalText.escapeControls(line(c))).append('\n');
      problems.forEach(k -> out.append(TerminalText.escapeControls("    " + k.type() + " " + k.status().id() + " "
          + k.reason() + ": " + k.message())).append('\n'));
    }
    List<Checked> moved = moved(checked);
    if (!moved.isEmpty()) {
      out.append("Pinned digests their tag no longer points at:\n");
      moved.forEach(c -> out.append(TerminalText.escapeControls("  " + c.target().name() + ": "
          + c.verification().condition(Verifier.DIGEST_PINNED).orElseThrow().message())).append('\n'));
    }
    if (!quiet || !out.isEmpty()) {
      out.append(summary(checked, notDue)).append('\n');
    }
    return out.toString();
  }

  /** The images whose pinned digest is no longer behind their tag. */
  public static List<Checked> moved(List<Checked> checked) {
    return checked.stream().filter(c -> c.available() && c.verification().condition(Verifier.DIGEST_PINNED)
        .filter(k -> k.status() == Status.FALSE).isPresent()).toList();
  }

  private static String line(Checked c) {
    Verification v = c.verification();
    String what = v.registryMetadata().filter(m -> c.available()).map(m -> "  " + m.resolvedDigest() + "  "
        + platforms(m) + "  " + size(m.sizeBytes()) + "  " + m.layerCount() + " layers").orElse("");
    String kind = c.target().kind() == Target.Kind.BASE_IMAGE ? " (base image)" : "";
    return String.format(Locale.ROOT, "%-11s %s%s  %s%s", v.phase().id(), c.target().name(), kind,
        v.reference().isEmpty() ? "-" : v.reference(), what);
  }

  /** Decimal units with one decimal, as check-image prints sizes: {@code 24.1 MB}, {@code 512 B}. */
  static String size(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  private static String platforms(Verification.RegistryMetadata m) {
    return m.platform().map(Verification.Platform::toString).orElseGet(() ->
        m.platforms().stream().map(Verification.Platform::toString).collect(Collectors.joining(",")));
  }

  /**
   * {@code 3 verified: 2 Available, 1 Failed}, how many Available ones miss their requirements, and
   * how many were skipped as not due.
   */
  static String summary(List<Checked> checked, int notDue) {
    Map<Verification.Phase, Integer> counts = new EnumMap<>(Verification.Phase.class);
    checked.forEach(c -> counts.merge(c.verification().phase(), 1, Integer::sum));
    long unmet = checked.stream().filter(c -> c.available() && !c.passed()).count();
    return checked.size() + " verified: " + (counts.isEmpty() ? "nothing" : counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining(", ")))
        + (unmet == 0 ? "" : "; " + unmet + " of them " + (unmet == 1 ? "misses its" : "miss their")
            + " platforms or size budget")
        + (notDue == 0 ? "" : "; " + notDue + " skipped as not due");
  }

  /**
   * {@code {images: [{name, kind, reference, phase, registryMetadata, metadata, conditions, ...}],
   * movedPins: [...], notDue, summary}}.
   */
  public static String json(List<Checked> checked, int notDue) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode images = root.putArray("images");
    for (Checked c : checked) {
      Verification v = c.verification();
      ObjectNode o = images.addObject().put("name", c.target().name()).put("kind", c.target().kind().label())
          .put("reference", v.reference()).put("phase", v.phase().id());
      c.target().pinnedDigest().ifPresent(d -> o.put("pinnedDigest", d));
      v.registryMetadata().ifPresent(m -> registry(o.putObject("registryMetadata"), m));
      v.metadata().ifPresent(p -> {
        ObjectNode pm = o.putObject("metadata");
        p.architecture().ifPresent(a -> pm.put("architecture", a));
        p.os().ifPresent(s -> pm.put("os", s));
        p.variant().ifPresent(s -> pm.put("variant", s));
      });
      ArrayNode conditions = o.putArray("conditions");
      v.conditions().forEach(k -> conditions.addObject().put("type", k.type()).put("status", k.status().id())
          .put("reason", k.reason()).put("message", k.message()).put("lastTransitionTime", k.lastTransitionTime().toString()));
      o.put("lastVerificationTime", v.lastVerificationTime().toString());
      o.put("verificationInterval", c.target().interval().toString());
    }
    ArrayNode moved = root.putArray("movedPins");
    moved(checked).forEach(c -> moved.add(c.target().name()));
    root.put("notDue", notDue);
    root.put("summary", summary(checked, notDue));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void registry(ObjectNode o, Verification.RegistryMetadata m) {
    o.put("resolvedDigest", m.resolvedDigest()).put("mediaType", m.mediaType()).put("sizeBytes", m.sizeBytes())
        .put("layerCount", m.layerCount());
    m.platform().ifPresent(p -> o.put("platform", p.toString()));
    if (!m.platforms().isEmpty()) {
      ArrayNode ps = o.putArray("platforms");
      m.platforms().forEach(p -> ps.add(p.toString()));
    }
    o.put("lastVerified", m.lastVerified().toString());
  }
}
