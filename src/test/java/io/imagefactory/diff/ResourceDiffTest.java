package io.imagefactory.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.diff.ResourceDiff.Change;
import io.imagefactory.diff.ResourceDiff.Entry;
import org.junit.jupiter.api.Test;

/** Objects are named by kind and metadata.name however their documents are written, or by position. */
class ResourceDiffTest {
  @Test
  void namesObjectsWrittenInGeneratesLayoutAndOtherwise() {
    String before = "kind: Warehouse\nmetadata:\n  name: web\nspec: {}\n"
        + "---\n{kind: Stage, metadata: {name: observe-web}}\n"
        + "---\nkind: Stage\nmetadata:\n  namespace: x\n  name: \"123\"\n";
    String after = "kind: Warehouse\nmetadata:\n  name: web\nspec: {interval: 5m0s}\n"
        + "---\n{kind: Stage, metadata: {name: observe-web}, spec: {}}\n";
    assertThat(ResourceDiff.compare(before, after)).containsExactly(
        new Entry(Change.CHANGED, "Warehouse/web"),
        new Entry(Change.CHANGED, "Stage/observe-web"),
        new Entry(Change.REMOVED, "Stage/123"));
  }

  @Test
  void skipsCommentOnlyDocumentsAndNamesOthersByPosition() {
    String before = "# header\n---\nkind: A\n---\n- not a map\n";
    String after = "# header, changed\n---\nkind: B\n---\n- not a map\n---\nkind: A\nmetadata:\n  name: a\n";
    assertThat(ResourceDiff.compare(before, after)).containsExactly(
        new Entry(Change.CHANGED, "document 1"),
        new Entry(Change.ADDED, "A/a"));
  }

  @Test
  void splitsOnSeparatorsWithTrailingBlanksOrCarriageReturns() {
    String before = "kind: A\nmetadata:\n  name: a\n---  \nkind: B\nmetadata:\n  name: b\n";
    String after = "kind: A\r\nmetadata:\r\n  name: a\r\n---\r\nkind: B\r\nmetadata:\r\n  name: c\r\n";
    assertThat(ResourceDiff.compare(before, after)).containsExactly(
        new Entry(Change.CHANGED, "A/a"),
        new Entry(Change.ADDED, "B/c"),
        new Entry(Change.REMOVED, "B/b"));
  }
}
