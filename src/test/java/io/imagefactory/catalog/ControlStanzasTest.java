package io.imagefactory.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.catalog.ControlStanzas.Stanza;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlStanzasTest {
  private static final String PACKAGES = """
      Package: common-utils
      Version: 1.4.0-1
      Architecture: all
      SHA256: 1e567d9a
      Description: shared helpers
       for the fleet's services
       .
       and more

      package: other
      version: 2.0-1
      """;

  @Test
  void splitsStanzasAtBlankLinesAndRemembersWhereEachStarts() {
    List<Stanza> stanzas = ControlStanzas.parse(PACKAGES);
    assertThat(stanzas).extracting(Stanza::line).containsExactly(1, 10);
    assertThat(stanzas.get(1).fields()).containsEntry("Package", "other").containsEntry("Version", "2.0-1");
  }

  @Test
  void findsFieldsWhateverTheirCase() {
    Stanza s = ControlStanzas.parse(PACKAGES).get(0);
    assertThat(s.field("sha256")).contains("1e567d9a");
    assertThat(s.field("PACKAGE")).contains("common-utils");
    assertThat(s.field("Depends")).isEmpty();
  }

  @Test
  void joinsContinuationLinesToTheFieldBeforeThem() {
    assertThat(ControlStanzas.parse(PACKAGES).get(0).field("Description"))
        .contains("shared helpers\nfor the fleet's services\n.\nand more");
  }

  @Test
  void readsCarriageReturnsCommentsAndRunsOfBlankLines() {
    List<Stanza> stanzas = ControlStanzas.parse("# made by hand\r\nA: 1\r\n\r\n\r\n  \nB: 2\r\n");
    assertThat(stanzas).hasSize(2);
    assertThat(stanzas.get(0).fields()).containsExactly(java.util.Map.entry("A", "1"));
    assertThat(stanzas.get(1).line()).isEqualTo(6);
  }

  @Test
  void stopsAtTheFirstStanzaWanted() {
    assertThat(ControlStanzas.first(PACKAGES + "\nnot a field\n", s -> s.field("Package").orElse("").equals("other")))
        .map(Stanza::line).contains(10);
  }

  @Test
  void rejectsALineThatIsNoFieldNamingIt() {
    assertThatThrownBy(() -> ControlStanzas.parse("Package: a\n\n<html>\n"))
        .hasMessage("line 3: \"<html>\" is not a Field: value line");
  }

  @Test
  void rejectsAContinuationLineOpeningAStanza() {
    assertThatThrownBy(() -> ControlStanzas.parse("A: 1\n\n more\n"))
        .hasMessage("line 3: a continuation line with no field before it");
  }

  @Test
  void rejectsAFieldGivenTwiceInOneStanza() {
    assertThatThrownBy(() -> ControlStanzas.parse("Version: 1\nversion: 2\n"))
        .hasMessage("line 2: the field version again in one stanza");
  }
}
