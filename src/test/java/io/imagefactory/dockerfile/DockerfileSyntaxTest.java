package io.imagefactory.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The syntax tree: what BuildKit's parser makes of lines, escapes, directives and heredocs. */
class DockerfileSyntaxTest {

  static SyntaxTree parse(String text) {
    return DockerfileParser.parse(text, "Dockerfile");
  }

  static List<String> commands(SyntaxTree tree) {
    return tree.instructions().stream().map(Instruction::command).toList();
  }

  @Nested
  class Continuations {
    @Test
    void backslashJoinsLines() {
      SyntaxTree tree = parse("FROM alpine\nRUN apk add \\\n    curl \\\n    git\n");
      assertThat(tree.dump()).isEqualTo("(from \"alpine\")\n(run \"apk add     curl     git\")\n");
      assertThat(tree.instructions().get(1).startLine()).isEqualTo(2);
      assertThat(tree.instructions().get(1).endLine()).isEqualTo(4);
    }

    @Test
    void commentLinesInsideContinuationAreSkipped() {
      SyntaxTree tree = parse("FROM alpine\nRUN a \\\n# FROM evil\n  && b\n");
      assertThat(tree.dump()).isEqualTo("(from \"alpine\")\n(run \"a   && b\")\n");
    }

    @Test
    void blankLineInsideContinuationIsSkippedWithAWarning() {
      SyntaxTree tree = parse("FROM alpine\nRUN a \\\n\n  b\n");
      assertThat(tree.dump()).endsWith("(run \"a   b\")\n");
      assertThat(tree.warnings()).singleElement().asString().startsWith("line 2: empty continuation line");
    }

    @Test
    void continuationAtEndOfFileEndsTheInstruction() {
      assertThat(parse("FROM alpine\nRUN echo \\").dump()).endsWith("(run \"echo\")\n");
    }

    @Test
    void spacesAfterTheBackslashStillContinue() {
      assertThat(parse("FROM alpine \\  \n  AS base\n").dump()).isEqualTo("(from \"alpine\" \"AS\" \"base\")\n");
    }

    @Test
    void escapedBackslashAtEndDoesNotContinue() {
      SyntaxTree tree = parse("FROM alpine\nRUN echo \\\\\nUSER me\n");
      assertThat(commands(tree)).containsExactly("from", "run", "user");
    }

    @Test
    void instructionsAreCaseInsensitive() {
      SyntaxTree tree = parse("from alpine\nRun echo\ncOpY a b\n");
      assertThat(commands(tree)).containsExactly("from", "run", "copy");
      assertThat(tree.instructions().get(1).keyword()).isEqualTo("Run");
    }
  }

  @Nested
  class LineEndings {
    @Test
    void crlfEndingsAreTrimmed() {
      SyntaxTree tree = parse("FROM alpine:3.20\r\nRUN a \\\r\n  b\r\n");
      assertThat(tree.dump()).isEqualTo("(from \"alpine:3.20\")\n(run \"a   b\")\n");
    }

    @Test
    void byteOrderMarkIsIgnored() {
      assertThat(parse("\uFEFF# escape=`\r\nFROM alpine `\r\n  AS x\r\n").dump())
          .isEqualTo("(from \"alpine\" \"AS\" \"x\")\n");
    }

    @Test
    void lastLineNeedsNoNewline() {
      assertThat(parse("FROM alpine").dump()).isEqualTo("(from \"alpine\")\n");
    }
  }

  @Nested
  class Directives {
    @Test
    void backtickEscapeContinuesWindowsLines() {
      SyntaxTree tree = parse("""
          # escape=`
          FROM mcr.microsoft.com/windows/servercore:ltsc2022
          COPY app\\ C:\\app\\
          RUN powershell -Command `
              New-Item -Path C:\\data
          """);
      assertThat(tree.escape()).isEqualTo('`');
      assertThat(tree.dump()).isEqualTo("""
          (from "mcr.microsoft.com/windows/servercore:ltsc2022")
          (copy "app\\\\" "C:\\\\app\\\\")
          (run "powershell -Command     New-Item -Path C:\\\\data")
          """);
    }

    @Test
    void directiveAfterACommentIsOnlyAComment() {
      SyntaxTree tree = parse("# a comment\n# escape=`\nFROM alpine \\\n  AS x\n");
      assertThat(tree.escape()).isEqualTo('\\');
      assertThat(tree.directives()).isEmpty();
      assertThat(tree.dump()).isEqualTo("(from \"alpine\" \"AS\" \"x\")\n");
    }

    @Test
    void directiveAfterAnInstructionIsOnlyAComment() {
      SyntaxTree tree = parse("FROM alpine\n# syntax=docker/dockerfile:1\n");
      assertThat(tree.directive("syntax")).isNull();
    }

    @Test
    void blankLineEndsTheDirectives() {
      assertThat(parse("\n# syntax=docker/dockerfile:1\nFROM alpine\n").directives()).isEmpty();
    }

    @Test
    void directivesAreReadWithTheirLines() {
      SyntaxTree tree = parse("# syntax = docker/dockerfile:1.7\n#CHECK=skip=all\n# escape=\\\nFROM alpine\n");
      assertThat(tree.directives()).extracting(SyntaxTree.Directive::name).containsExactly("syntax", "check", "escape");
      assertThat(tree.directive("syntax").value()).isEqualTo("docker/dockerfile:1.7");
      assertThat(tree.directive("check").line()).isEqualTo(2);
    }

    @Test
    void unknownDirectiveEndsTheDirectives() {
      SyntaxTree tree = parse("# foo=bar\n# escape=`\nFROM alpine\n");
      assertThat(tree.directives()).isEmpty();
      assertThat(tree.escape()).isEqualTo('\\');
    }

    @Test
    void repeatedDirectiveIsAnError() {
      assertThatThrownBy(() -> parse("# syntax=a\n# syntax=b\nFROM alpine\n"))
          .isInstanceOf(DockerfileSyntaxException.class)
          .hasMessage("Dockerfile:2: only one syntax parser directive can be used");
    }

    @Test
    void invalidEscapeIsAnError() {
      assertThatThrownBy(() -> parse("# escape=x\nFROM alpine\n"))
          .isInstanceOf(DockerfileSyntaxException.class)
          .hasMessageContaining("invalid escape token 'x'");
    }
  }

  @Nested
  class Heredocs {
    @Test
    void heredocBodyIsNotInstructions() {
      SyntaxTree tree = parse("""
          FROM alpine
          RUN <<EOF
          FROM evil
          COPY --from=evil / /
          EOF
          USER me
          """);
      assertThat(commands(tree)).containsExactly("from", "run", "user");
      Instruction run = tree.instructions().get(1);
      assertThat(run.heredocs()).singleElement().satisfies(h -> {
        assertThat(h.name()).isEqualTo("EOF");
        assertThat(h.content()).isEqualTo("FROM evil\nCOPY --from=evil / /\n");
        assertThat(h.expand()).isTrue();
      });
      assertThat(run.endLine()).isEqualTo(5);
    }

    @Test
    void quotedDelimiterTurnsOffExpansion() {
      SyntaxTree tree = parse("FROM alpine\nRUN <<'EOF'\necho $HOME\nEOF\nCOPY <<\"A\"B /x\nFROM evil\nAB\n");
      assertThat(tree.instructions().get(1).heredocs().get(0).expand()).isFalse();
      assertThat(tree.instructions().get(2).heredocs().get(0).name()).isEqualTo("AB");
      assertThat(commands(tree)).containsExactly("from", "run", "copy");
    }

    @Test
    void dashHeredocEndsAtATabIndentedDelimiter() {
      SyntaxTree tree = parse("FROM alpine\nRUN <<-EOT\n\tFROM evil\n\t\tEOT\nUSER me\n");
      assertThat(commands(tree)).containsExactly("from", "run", "user");
      Heredoc doc = tree.instructions().get(1).heredocs().get(0);
      assertThat(doc.chomp()).isTrue();
      assertThat(doc.content()).isEqualTo("\tFROM evil\n");
    }

    @Test
    void plainHeredocDoesNotEndAtAnIndentedDelimiter() {
      assertThatThrownBy(() -> parse("FROM alpine\nRUN <<EOT\n\tEOT\n"))
          .isInstanceOf(DockerfileSyntaxException.class)
          .hasMessageContaining("Dockerfile:2: unterminated heredoc EOT");
    }

    @Test
    void severalHeredocsOnOneLineAreReadInOrder() {
      SyntaxTree tree = parse("FROM alpine\nCOPY <<one 3<<two /dest/\n1\none\n2\ntwo\nUSER me\n");
      List<Heredoc> docs = tree.instructions().get(1).heredocs();
      assertThat(docs).extracting(Heredoc::name).containsExactly("one", "two");
      assertThat(docs).extracting(Heredoc::fileDescriptor).containsExactly(0, 3);
      assertThat(docs).extracting(Heredoc::content).containsExactly("1\n", "2\n");
      assertThat(commands(tree)).containsExactly("from", "copy", "user");
    }

    @Test
    void onbuildTriggerCanHaveAHeredoc() {
      SyntaxTree tree = parse("FROM alpine\nONBUILD RUN <<EOF\nFROM evil\nEOF\n");
      assertThat(commands(tree)).containsExactly("from", "onbuild");
      assertThat(tree.instructions().get(1).heredocs()).hasSize(1);
    }

    @Test
    void jsonFormAndOtherInstructionsHaveNoHeredocs() {
      SyntaxTree tree = parse("FROM alpine\nRUN [\"cat\", \"<<EOF\"]\nENV A=<<EOF\nUSER me\n");
      assertThat(commands(tree)).containsExactly("from", "run", "env", "user");
    }

    @Test
    void quotedHeredocMarkerIsNotAHeredoc() {
      SyntaxTree tree = parse("FROM alpine\nRUN echo \"<<EOF\"\nUSER me\n");
      assertThat(commands(tree)).containsExactly("from", "run", "user");
    }

    @Test
    void spaceBetweenMarkerAndDelimiterStillOpensAHeredoc() {
      SyntaxTree tree = parse("FROM alpine\nRUN cat << EOF\nhello\nEOF\nCOPY 3<<\t 'X' /x\n$a\nX\nUSER me\n");
      assertThat(commands(tree)).containsExactly("from", "run", "copy", "user");
      assertThat(tree.instructions().get(1).heredocs()).singleElement()
          .satisfies(h -> assertThat(h.content()).isEqualTo("hello\n"));
      assertThat(tree.instructions().get(2).heredocs()).singleElement().satisfies(h -> {
        assertThat(h.name()).isEqualTo("X");
        assertThat(h.fileDescriptor()).isEqualTo(3);
        assertThat(h.expand()).isFalse();
      });
    }

    @Test
    void analysisDoesNotReadABodyAfterASpacedMarkerAsInstructions() {
      assertThat(Analyses.bases("FROM alpine\nRUN cat << EOF > /x\nhello\nFROM evil\nEOF\n"))
          .containsExactly("docker.io/library/alpine:latest");
    }

    @Test
    void spaceAfterDashOrThirdAngleBracketIsNoHeredoc() {
      // BuildKit lexes "<<-" and "EOF" as two words, and "<<<" is a here-string.
      SyntaxTree tree = parse("FROM alpine\nRUN cat <<- EOF\nRUN cat <<< EOF\nUSER me\n");
      assertThat(commands(tree)).containsExactly("from", "run", "run", "user");
      assertThat(tree.instructions()).allSatisfy(i -> assertThat(i.heredocs()).isEmpty());
    }

    @Test
    void heredocWithCrlfEndings() {
      SyntaxTree tree = parse("FROM alpine\r\nRUN <<EOF\r\nFROM evil\r\nEOF\r\nUSER me\r\n");
      assertThat(commands(tree)).containsExactly("from", "run", "user");
      assertThat(tree.instructions().get(1).heredocs().get(0).content()).isEqualTo("FROM evil\r\n");
    }
  }

  @Nested
  class Arguments {
    @Test
    void flagsAreSplitOffWithQuotesRemoved() {
      Instruction copy = parse("FROM a\nCOPY --from=\"build\" --chown=1:1 -- src dst\n").instructions().get(1);
      assertThat(copy.flags()).containsExactly("--from=build", "--chown=1:1");
      assertThat(copy.args()).containsExactly("src", "dst");
    }

    @Test
    void argWordsKeepTheirQuotes() {
      Instruction arg = parse("ARG A=\"x y\" B='z' C\nFROM a\n").instructions().get(0);
      assertThat(arg.args()).containsExactly("A=\"x y\"", "B='z'", "C");
    }

    @Test
    void onbuildWrapsItsTrigger() {
      Instruction onbuild = parse("FROM a\nONBUILD COPY --from=alpine:3.20 / /\n").instructions().get(1);
      assertThat(onbuild.onbuild().flags()).containsExactly("--from=alpine:3.20");
      assertThat(onbuild.onbuild().startLine()).isEqualTo(2);
      assertThat(onbuild.dump()).isEqualTo("onbuild (copy [\"--from=alpine:3.20\"] \"/\" \"/\")");
    }

    @Test
    void nonAsciiFlagsDumpAsBuildKitReadsTheirBytes() {
      // BuildKit takes each byte of a flag as a character: é (C3 A9) becomes "Ã©".
      assertThat(parse("FROM a\nCOPY --chown=é a b\n").dump()).endsWith("(copy [\"--chown=Ã©\"] \"a\" \"b\")\n");
    }

    @Test
    void jsonArrayOfNonStringsIsAnError() {
      assertThatThrownBy(() -> parse("FROM a\nCMD [\"a\", 1]\n"))
          .isInstanceOf(DockerfileSyntaxException.class)
          .hasMessage("Dockerfile:2: when using JSON array syntax, arrays must be comprised of strings only");
    }
  }

  @Nested
  class EmptyFiles {
    @Test
    void emptyFileIsAnError() {
      assertThatThrownBy(() -> parse(""))
          .isInstanceOf(DockerfileSyntaxException.class)
          .hasMessage("Dockerfile: the Dockerfile has no instructions");
    }

    @Test
    void commentsAndBlankLinesOnlyIsAnError() {
      assertThatThrownBy(() -> parse("# syntax=docker/dockerfile:1\n\n# nothing\n   \n"))
          .isInstanceOf(DockerfileSyntaxException.class)
          .hasMessageContaining("no instructions");
    }
  }
}
