package io.imagefactory.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.PatchFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The unified diff, built document by document, is a correct patch for any two texts, and prints
 * the hunks a diff of the whole text prints for the changes generate makes.
 */
class TextDiffTest {
  private static final String PATH = "dist/image-factory.k8s.yaml";

  @ParameterizedTest
  @ValueSource(strings = {"a line in several documents", "a document added", "documents removed", "a document renamed",
      "every document's apiVersion", "documents added, changed and removed", "the first and last lines"})
  void printsWhatAWholeTextMyersDiffPrints(String change) throws IOException {
    String before = Files.readString(Path.of(PATH));
    String after = changed(before, change);
    assertThat(after).isNotEqualTo(before);
    assertThat(TextDiff.unified(before, after, PATH)).isEqualTo(wholeTextMyers(before, after));
  }

  @Test
  void isACorrectPatchForRandomChangesToRandomDocuments() throws PatchFailedException {
    Random random = new Random(8);
    for (int round = 0; round < 300; round++) {
      List<String> docs = randomDocuments(random, 1 + random.nextInt(12));
      List<String> edited = edit(random, docs);
      String before = String.join("---\n", docs);
      String after = String.join("---\n", edited);
      assertAppliesTo(before, after);
    }
  }

  @Test
  void isACorrectPatchForTextsWithoutDocumentsAndForEmptyTexts() throws PatchFailedException {
    assertAppliesTo("", "a\nb\n");
    assertAppliesTo("a\nb\n", "");
    assertAppliesTo("a\nb\nc", "a\nc\nd\n");
    assertAppliesTo("x\n".repeat(3_000), "y\n".repeat(3_000)); // past the Myers bound: replaced as a block
  }

  @Test
  void showsADocumentThatMovedAsRemovedAndAdded() throws PatchFailedException {
    String a = "kind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  name: b\n";
    String b = "kind: B\nmetadata:\n  name: b\n---\nkind: A\nmetadata:\n  name: a\n";
    assertAppliesTo(a, b);
  }

  private static void assertAppliesTo(String before, String after) throws PatchFailedException {
    String diff = TextDiff.unified(before, after, PATH);
    if (before.equals(after)) {
      assertThat(diff).isEmpty();
      return;
    }
    List<String> patched = UnifiedDiffUtils.parseUnifiedDiff(Arrays.asList(diff.split("\n"))).applyTo(lines(before));
    assertThat(patched).as("diff from\n%s\nto\n%s\n%s", before, after, diff).isEqualTo(lines(after));
  }

  /** What TextDiff printed when it ran Myers on the whole text. */
  private static String wholeTextMyers(String before, String after) {
    List<String> a = lines(before);
    return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("a/" + PATH, "b/" + PATH, a,
        DiffUtils.diff(a, lines(after)), 3)) + "\n";
  }

  private static String changed(String dist, String change) {
    UnaryOperator<String> edit = switch (change) {
      case "a line in several documents" -> t -> t.replace("image-factory-analysis:0.1.0", "image-factory-analysis:0.2.0");
      case "a document added" -> t -> t.replaceFirst("(?m)^---\n(?=apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage)",
          "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n  namespace: shop-images\n---\n");
      case "documents removed" -> t -> removeDocuments(t, "name: observe-");
      case "a document renamed" -> t -> t.replace("name: analyze-backstage", "name: check-backstage");
      case "every document's apiVersion" -> t -> t.replace("kargo.akuity.io/v1alpha1", "kargo.akuity.io/v1beta1");
      case "documents added, changed and removed" -> t -> removeDocuments(t, "name: rebuild-")
          .replace("requiredSoakTime: 168h", "requiredSoakTime: 24h") + "---\nkind: ConfigMap\nmetadata:\n  name: z\n";
      default -> t -> "# generated\n" + t.substring(0, t.length() - 1) + "x\n";
    };
    return edit.apply(dist);
  }

  private static String removeDocuments(String text, String marker) {
    List<String> kept = new ArrayList<>();
    for (String doc : text.split("(?m)^---\n")) {
      if (!doc.contains(marker)) {
        kept.add(doc);
      }
    }
    return String.join("---\n", kept);
  }

  private static List<String> randomDocuments(Random random, int count) {
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder doc = new StringBuilder();
      if (random.nextInt(6) > 0) {
        doc.append("kind: ").append("K").append(random.nextInt(3)).append("\nmetadata:\n  name: n")
            .append(random.nextInt(8)).append('\n');
      }
      for (int line = random.nextInt(8); line > 0; line--) {
        doc.append("  ").append(WORDS[random.nextInt(WORDS.length)]).append('\n');
      }
      docs.add(doc.toString());
    }
    return docs;
  }

  private static List<String> edit(Random random, List<String> docs) {
    List<String> out = new ArrayList<>(docs);
    for (int n = random.nextInt(5); n > 0; n--) {
      int at = random.nextInt(out.size() + 1);
      switch (random.nextInt(4)) {
        case 0 -> out.add(at, randomDocuments(random, 1).get(0));
        case 1 -> out.remove(Math.min(at, out.size() - 1));
        case 2 -> {
          String moved = out.remove(random.nextInt(out.size()));
          out.add(Math.min(at, out.size()), moved);
        }
        default -> {
          int i = Math.min(at, out.size() - 1);
          out.set(i, out.get(i).replace(WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)]));
        }
      }
      if (out.isEmpty()) {
        out.add("kind: K\n");
      }
    }
    return out;
  }

  private static final String[] WORDS = {"a: 1", "b: 2", "---x", "- c", "", "kind: K1", "  name: n1", "metadata:"};

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    return Arrays.asList((text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1));
  }
}
