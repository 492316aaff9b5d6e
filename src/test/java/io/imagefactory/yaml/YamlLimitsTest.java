package io.imagefactory.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.yaml.YamlNode.Mapping;
import io.imagefactory.yaml.YamlNode.Sequence;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Files anyone can change by pull request cannot make the reader hang or run out of memory: the
 * inputs of issue 8 are refused at once, with the place and a way out, and files that use aliases
 * as people do still read.
 */
class YamlLimitsTest {

  @Nested
  class Aliases {
    @Test
    void refusesTheAliasBombOfIssue8AtTheAliasThatPassesTheBound() {
      String bomb = doublingAliases(24); // 2^27 nodes in all: out of memory after 161 s
      assertThat(bomb.length()).isLessThan(700);
      assertThatThrownBy(() -> YamlReader.read(bomb, "image-factory/images.yaml"))
          .isInstanceOf(YamlSyntaxException.class)
          .hasMessage("image-factory/images.yaml:15:15: the aliases up to here repeat more than 100,000 nodes"
              + " (each use of an alias counts every node under its anchor)")
          .extracting(e -> ((YamlSyntaxException) e).hint()).asString().startsWith("write the repeated values out");
    }

    @Test
    void refusesAliasesThatExpandPastTheBoundWithoutRunningOutOfMemory() {
      // 2^18 nodes from 32 aliases: quick to build, so without the bound this would simply succeed.
      assertThatThrownBy(() -> YamlReader.read(doublingAliases(15), "images.yaml"))
          .hasMessageContaining("repeat more than 100,000 nodes");
    }

    @Test
    void acceptsAliasesThatStayUnderTheBound() {
      YamlNode root = YamlReader.read(doublingAliases(13), "images.yaml"); // aliases add 65,502 nodes
      assertThat(((Sequence) root).items()).hasSize(14);
    }

    @Test
    void readsASharedTagPolicyAliasedByMoreImagesThanSnakeYamlsOwnLimitOf50() {
      StringBuilder images = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        images.append("- name: app-").append(i).append("\n  registry: ghcr.io\n  repository: acme/app-").append(i)
            .append(i == 0 ? "\n  allowTags: &tags ^v[0-9]+$\n  ignoreTags: &skip [latest, nightly, '^dev-']\n"
                : "\n  allowTags: *tags\n  ignoreTags: *skip\n");
      }
      Sequence root = (Sequence) YamlReader.read(images.toString(), "images.yaml");
      assertThat(root.items()).hasSize(200);
      Mapping last = (Mapping) root.items().get(199);
      assertThat(last.entries().get(4).value()).isInstanceOfSatisfying(Sequence.class,
          s -> assertThat(s.items()).hasSize(3));
    }

    @Test
    void refusesAnAliasInsideTheNodeItRefersTo() {
      // SnakeYAML composes this into a cycle; walking it overflowed the stack.
      assertThatThrownBy(() -> YamlReader.read("a: &x\n  b: [*x]\n", "settings.yaml"))
          .isInstanceOf(YamlSyntaxException.class)
          .hasMessage("settings.yaml:2:7: alias *x is inside the node it refers to, so it would repeat forever");
    }

    @Test
    void refusesAliasesThatNestDeeperThan50() {
      // Each anchor wraps the one before: few nodes, but 60 levels deep once expanded.
      StringBuilder text = new StringBuilder("- &a0 x\n");
      for (int i = 1; i <= 60; i++) {
        text.append("- &a").append(i).append(" [*a").append(i - 1).append("]\n");
      }
      assertThatThrownBy(() -> YamlReader.read(text.toString(), "images.yaml"))
          .hasMessage("images.yaml:51:9: alias *a49 nests lists and maps more than 50 deep");
    }
  }

  @Nested
  class LinesAndSize {
    @Test
    void refusesTheLongCommentLineOfIssue8BeforeSnakeYamlScansIt() {
      // "---" sends the file to SnakeYAML, which scanned this 4 MB line in 47 s.
      String state = "---\n#" + "x".repeat(4 * 1024 * 1024) + "\nname: web\n";
      assertThatThrownBy(() -> YamlReader.read(state, "image-factory/state/images/web.yaml"))
          .isInstanceOf(YamlSyntaxException.class)
          .hasMessage("image-factory/state/images/web.yaml:2:1: this line is 4,194,305 characters long,"
              + " more than the 65,536 image-factory reads");
    }

    @Test
    void acceptsALineOfExactly64KiB() {
      String text = "a: " + "x".repeat(YamlLimits.MAX_LINE_CHARS - 3) + "\n";
      assertThat(YamlReader.read(text, "f.yaml")).isInstanceOf(Mapping.class);
    }

    @Test
    void refusesTextLargerThan16MiB() {
      String text = "# padding\n".repeat(YamlLimits.MAX_FILE_BYTES / 10 + 1);
      assertThatThrownBy(() -> YamlReader.read(text, "image-factory/images.yaml"))
          .hasMessage("image-factory/images.yaml: the file is larger than 16 MiB, the most image-factory reads");
    }
  }

  /**
   * {@code - &a0 [x, x]}, then {@code levels} items {@code - &aN [*aN-1, *aN-1]}: item N has
   * 2^(N+2)-1 nodes, and the aliases add 2^(levels+3)-8-2*levels in all.
   */
  static String doublingAliases(int levels) {
    StringBuilder text = new StringBuilder("- &a0 [x, x]\n");
    for (int i = 1; i <= levels; i++) {
      text.append("- &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    return text.toString();
  }
}
