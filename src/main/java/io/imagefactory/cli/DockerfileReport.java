package io.imagefactory.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.Printable;
import io.imagefactory.dockerfile.DockerfileAnalysis;
import io.imagefactory.dockerfile.ImageUse;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The output of {@code image-factory dockerfile}: a table for people, or JSON with a fixed field
 * order (the same bytes for the same Dockerfile).
 */
final class DockerfileReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withArrayEmptySeparator("").withObjectEmptySeparator(""))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));
  private static final String[] HEADER = {"LINE", "INSTRUCTION", "IMAGE", "PLATFORM", "STAGE"};

  private DockerfileReport() {}

  /** The analysis as pretty-printed JSON, ending with a newline. */
  static String json(DockerfileAnalysis a) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode bases = root.putArray("baseImages");
    a.baseImages().forEach(i -> bases.add(image(i, false)));
    ArrayNode copies = root.putArray("copyImages");
    a.copyImages().forEach(i -> copies.add(image(i, true)));
    root.set("frontendImage", a.frontendImage() == null ? null : image(a.frontendImage(), true));
    ArrayNode stages = root.putArray("stages");
    a.stages().forEach(s -> stages.add(stage(s)));
    ArrayNode warnings = root.putArray("warnings");
    a.warnings().forEach(warnings::add);
    try {
      return JSON.writer(PRETTY).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode image(ImageUse i, boolean withInstruction) {
    ObjectNode n = JSON.createObjectNode();
    n.put("line", i.line());
    if (withInstruction) {
      n.put("instruction", i.instruction());
    }
    n.put("written", i.written());
    n.put("reference", i.reference());
    n.put("registry", i.registry());
    n.put("repository", i.repository());
    n.put("tag", i.tag());
    n.put("digest", i.digest());
    n.put("tagImplicit", i.tagImplicit());
    n.put("platform", i.platform());
    n.put("stageAlias", i.stageAlias());
    n.put("unresolved", i.unresolved());
    return n;
  }

  private static ObjectNode stage(DockerfileAnalysis.Stage s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("index", s.index());
    n.put("name", s.name());
    n.put("line", s.line());
    n.put("written", s.written());
    n.put("base", s.base().name().toLowerCase(Locale.ROOT));
    n.put("baseStage", s.baseStage());
    return n;
  }

  /** A summary line, a table of every FROM and image use in line order, then the warnings. */
  static String text(String file, DockerfileAnalysis a) {
    List<Row> rows = rows(a);
    StringBuilder out = new StringBuilder(summary(file, a)).append("\n\n");
    int[] widths = widths(rows);
    appendRow(out, HEADER, widths);
    rows.forEach(r -> appendRow(out, r.cells(), widths));
    if (!a.warnings().isEmpty()) {
      out.append("\nwarnings:\n");
      a.warnings().forEach(w -> out.append("  ").append(Printable.escape(w)).append('\n'));
    }
    return out.toString();
  }

  private record Row(int line, String[] cells) {}

  private static List<Row> rows(DockerfileAnalysis a) {
    List<Row> rows = new ArrayList<>();
    if (a.frontendImage() != null) {
      rows.add(imageRow(a.frontendImage()));
    }
    int base = 0;
    for (DockerfileAnalysis.Stage s : a.stages()) {
      if (s.base() == DockerfileAnalysis.Base.IMAGE) {
        rows.add(imageRow(a.baseImages().get(base++)));
      } else {
        String what = s.base() == DockerfileAnalysis.Base.SCRATCH ? "scratch" : "stage " + stageLabel(a, s.baseStage());
        rows.add(new Row(s.line(), new String[] {String.valueOf(s.line()), "FROM", dash(what), "-", dash(s.name())}));
      }
    }
    a.copyImages().forEach(i -> rows.add(imageRow(i)));
    rows.sort(Comparator.comparingInt(Row::line));
    return rows;
  }

  private static Row imageRow(ImageUse i) {
    String image = i.unresolved() ? "(unresolved) " + i.written() : i.reference();
    return new Row(i.line(), new String[] {
        String.valueOf(i.line()), i.instruction(), dash(image), dash(i.platform()), dash(i.stageAlias())});
  }

  private static String stageLabel(DockerfileAnalysis a, int index) {
    String name = a.stages().get(index).name();
    return name != null ? name : String.valueOf(index);
  }

  private static String summary(String file, DockerfileAnalysis a) {
    long unresolved = a.baseImages().stream().filter(ImageUse::unresolved).count();
    return Printable.escape(file) + ": " + count(a.stages().size(), "stage") + ", " + count(a.baseImages().size(), "base image")
        + (unresolved > 0 ? " (" + unresolved + " unresolved)" : "") + ", " + count(a.copyImages().size(), "copy image")
        + (a.frontendImage() != null ? ", a frontend image" : "") + ", " + count(a.warnings().size(), "warning");
  }

  private static int[] widths(List<Row> rows) {
    int[] widths = new int[HEADER.length];
    for (int c = 0; c < HEADER.length; c++) {
      widths[c] = HEADER[c].length();
      for (Row r : rows) {
        widths[c] = Math.max(widths[c], r.cells()[c].length());
      }
    }
    return widths;
  }

  private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      line.append(cells[c]).append(" ".repeat(widths[c] - cells[c].length() + 2));
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  /** A cell: "-" for nothing; escaped, since names come from the Dockerfile (a newline would break the table). */
  private static String dash(String s) {
    return s == null ? "-" : Printable.escape(s);
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
