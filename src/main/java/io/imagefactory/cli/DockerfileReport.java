package io.imagefactory.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagefactory.dockerfile.DockerfileAnalysis;
import io.imagefactory.dockerfile.ImageUse;
import io.imagefactory.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The output of {@code image-factory dockerfile}: a table for people, or JSON with a fixed field
 * order (the same bytes for the same Dockerfile). Both are written as they are made, not built in
 * memory first: a 4 MiB Dockerfile can have 400,000 FROMs.
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

  /** Writes the analysis as pretty-printed JSON, ending with a newline. */
  static void json(DockerfileAnalysis a, PrintWriter out) {
    try (JsonGenerator g = JSON.writer(PRETTY).createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeArrayFieldStart("baseImages");
      for (ImageUse i : a.baseImages()) {
        image(g, i, false);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("copyImages");
      for (ImageUse i : a.copyImages()) {
        image(g, i, true);
      }
      g.writeEndArray();
      g.writeFieldName("frontendImage");
      if (a.frontendImage() == null) {
        g.writeNull();
      } else {
        image(g, a.frontendImage(), true);
      }
      stages(g, a.stages());
      g.writeArrayFieldStart("warnings");
      for (String w : a.warnings()) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.print("\n");
  }

  private static void image(JsonGenerator g, ImageUse i, boolean withInstruction) throws IOException {
    g.writeStartObject();
    g.writeNumberField("line", i.line());
    if (withInstruction) {
      g.writeStringField("instruction", i.instruction());
    }
    g.writeStringField("written", i.written());
    g.writeStringField("reference", i.reference());
    g.writeStringField("registry", i.registry());
    g.writeStringField("repository", i.repository());
    g.writeStringField("tag", i.tag());
    g.writeStringField("digest", i.digest());
    g.writeBooleanField("tagImplicit", i.tagImplicit());
    g.writeStringField("platform", i.platform());
    g.writeStringField("stageAlias", i.stageAlias());
    g.writeBooleanField("unresolved", i.unresolved());
    g.writeEndObject();
  }

  private static void stages(JsonGenerator g, List<DockerfileAnalysis.Stage> stages) throws IOException {
    g.writeArrayFieldStart("stages");
    for (DockerfileAnalysis.Stage s : stages) {
      g.writeStartObject();
      g.writeNumberField("index", s.index());
      g.writeStringField("name", s.name());
      g.writeNumberField("line", s.line());
      g.writeStringField("written", s.written());
      g.writeStringField("base", s.base().name().toLowerCase(Locale.ROOT));
      g.writeFieldName("baseStage");
      if (s.baseStage() == null) {
        g.writeNull();
      } else {
        g.writeNumber(s.baseStage());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Writes a summary line, a table of every FROM and image use in line order, then the warnings. */
  static void text(String file, DockerfileAnalysis a, PrintWriter out) {
    List<Row> rows = rows(a);
    out.print(summary(file, a) + "\n\n");
    int[] widths = widths(rows);
    appendRow(out, HEADER, widths);
    rows.forEach(r -> appendRow(out, r.cells(), widths));
    if (!a.warnings().isEmpty()) {
      out.print("\nwarnings:\n");
      a.warnings().forEach(w -> out.print("  " + TerminalText.escapeControls(w) + "\n"));
    }
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
    return TerminalText.escapeControls(file) + ": " + count(a.stages().size(), "stage") + ", " + count(a.baseImages().size(), "base image")
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

  private static void appendRow(PrintWriter out, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      line.append(cells[c]).append(" ".repeat(widths[c] - cells[c].length() + 2));
    }
    out.print(line.toString().stripTrailing() + "\n");
  }

  /** A cell: "-" for nothing; escaped, since names come from the Dockerfile (a newline would break the table). */
  private static String dash(String s) {
    return s == null ? "-" : TerminalText.escapeControls(s);
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
