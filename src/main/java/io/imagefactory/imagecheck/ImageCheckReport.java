package io.imagefactory.imagecheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.image.ByteSize;
import java.io.UncheckedIOException;
import java.util.Locale;

/** An {@link ImageCheckResult} for people (a table) and for scripts (JSON). */
public final class ImageCheckReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ImageCheckReport() {}

  /** The reference, then one line per platform with its size, and one per missing platform. */
  public static String text(ImageCheckResult r) {
    StringBuilder out = new StringBuilder(r.reference()).append('\n');
    for (ImageCheckResult.PlatformSize p : r.platforms()) {
      out.append(String.format(Locale.ROOT, "  %-20s %12s%s%n", p.platform(), ByteSize.format(p.compressedBytes()),
          p.overBudget() ? "  over " + ByteSize.format(r.sizeBudget().orElseThrow()) : ""));
    }
    r.missing().forEach(m -> out.append(String.format(Locale.ROOT, "  %-20s %12s%n", m, "missing")));
    return out.toString();
  }

  /** {@code {reference, digest, passed, platforms: [{platform, digest, compressedBytes, overBudget}], missing, sizeBudget}}. */
  public static String json(ImageCheckResult r) {
    ObjectNode root = JSON.createObjectNode().put("reference", r.reference()).put("digest", r.digest())
        .put("passed", r.passed());
    ArrayNode platforms = root.putArray("platforms");
    r.platforms().forEach(p -> platforms.addObject().put("platform", p.platform()).put("digest", p.digest())
        .put("compressedBytes", p.compressedBytes()).put("overBudget", p.overBudget()));
    ArrayNode missing = root.putArray("missing");
    r.missing().forEach(missing::add);
    if (r.sizeBudget().isPresent()) {
      root.put("sizeBudget", r.sizeBudget().get());
    } else {
      root.putNull("sizeBudget");
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
