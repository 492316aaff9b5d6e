package io.imagefactory.dockerfile;

import static io.imagefactory.dockerfile.Analyses.analyze;
import static io.imagefactory.dockerfile.Analyses.bases;
import static io.imagefactory.dockerfile.Analyses.error;
import static io.imagefactory.dockerfile.Analyses.onlyBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which variables a FROM sees, and what they expand to. */
class ArgScopingTest {

  @Nested
  class GlobalArgs {
    @Test
    void globalArgIsVisibleInFrom() {
      assertThat(bases("ARG NODE=22\nFROM node:${NODE}-slim\n")).containsExactly("docker.io/library/node:22-slim");
    }

    @Test
    void buildArgOverridesTheDefault() {
      assertThat(bases("ARG NODE=22\nFROM node:$NODE\n", "NODE=20")).containsExactly("docker.io/library/node:20");
    }

    @Test
    void buildArgReplacesADefaultThatUsesAnotherArg() {
      assertThat(bases("ARG A=3.19\nARG TAG=$A\nFROM alpine:$TAG\n", "TAG=3.20"))
          .containsExactly("docker.io/library/alpine:3.20");
    }

    @Test
    void buildArgValueIsTakenAsItIsNotExpanded() {
      assertThatThrownBy(() -> analyze("ARG A=x\nARG TAG\nFROM alpine:$TAG\n", "TAG=3.20$A"))
          .isInstanceOf(DockerfileSyntaxException.class)
          .hasMessageContaining("\"alpine:3.20$A\"");
    }

    @Test
    void argInsideAStageIsNotVisibleToTheNextFrom() {
      // Undeclared before the first FROM, TAG expands to nothing: "nginx:" is not a reference.
      assertThat(error("FROM alpine:3.20\nARG TAG=1.27\nFROM nginx:${TAG}\n"))
          .startsWith("Dockerfile:3: FROM names an invalid image: \"nginx:\"")
          .endsWith("declare ARG TAG before the first FROM; undeclared, it expands to nothing.");
    }

    @Test
    void argRedeclaredInAStageDoesNotChangeTheGlobalValue() {
      assertThat(bases("""
          ARG GO=1.22
          FROM golang:${GO} AS build
          ARG GO=1.21
          FROM golang:${GO}
          """)).containsExactly("docker.io/library/golang:1.22", "docker.io/library/golang:1.22");
    }

    @Test
    void argRedeclaredInAStageWithoutValueKeepsTheGlobalDefaultForLaterFroms() {
      assertThat(bases("ARG V=3.20\nFROM alpine:$V\nARG V\nFROM alpine:${V}\n"))
          .containsExactly("docker.io/library/alpine:3.20", "docker.io/library/alpine:3.20");
    }

    @Test
    void oneArgIsBuiltFromAnother() {
      assertThat(bases("ARG A=1 B=node:2$A\nFROM $B\n")).containsExactly("docker.io/library/node:21");
    }

    @Test
    void severalArgsOnOneLine() {
      assertThat(bases("ARG REGISTRY=ghcr.io ORG=acme IMAGE=base TAG=1.0\nFROM $REGISTRY/$ORG/$IMAGE:$TAG\n"))
          .containsExactly("ghcr.io/acme/base:1.0");
    }

    @Test
    void laterArgLineSeesEarlierOne() {
      assertThat(bases("ARG V=3\nARG TAG=${V}.20\nFROM alpine:$TAG\n")).containsExactly("docker.io/library/alpine:3.20");
    }

    @Test
    void quotedArgValuesLoseTheirQuotes() {
      assertThat(bases("ARG A=\"alpine\" B='3.20'\nFROM ${A}:${B}\n")).containsExactly("docker.io/library/alpine:3.20");
    }

    @Test
    void redeclaringWithoutValueKeepsTheValue() {
      assertThat(bases("ARG TAG=3.20\nARG TAG\nFROM alpine:$TAG\n")).containsExactly("docker.io/library/alpine:3.20");
    }

    @Test
    void laterDefaultReplacesAnEarlierOne() {
      assertThat(bases("ARG TAG=3.19\nARG TAG=3.20\nFROM alpine:$TAG\n")).containsExactly("docker.io/library/alpine:3.20");
    }

    @Test
    void buildArgForANameNoArgDeclaresIsIgnoredWithAWarning() {
      DockerfileAnalysis a = analyze("FROM alpine:3.20\n", "TAG=3.19");
      assertThat(Analyses.references(a.baseImages())).containsExactly("docker.io/library/alpine:3.20");
      assertThat(a.warnings()).containsExactly(
          "build arg TAG is not declared by any ARG in the Dockerfile, so the build ignores it");
    }

    @Test
    void buildArgDeclaredOnlyInAStageIsNotUsedByFrom() {
      DockerfileAnalysis a = analyze("FROM alpine:3.20\nARG TAG\nFROM alpine$TAG\n", "TAG=:3.19");
      assertThat(Analyses.references(a.baseImages()))
          .containsExactly("docker.io/library/alpine:3.20", "docker.io/library/alpine:latest");
      assertThat(a.warnings()).singleElement().asString()
          .isEqualTo("line 3: FROM alpine$TAG: TAG is not declared by an ARG before the first FROM (the ARG TAG on "
              + "line 2 is inside a stage, which FROM cannot see), so it expands to an empty string; declare ARG TAG "
              + "before the first FROM");
    }

    @Test
    void proxyAndBuildKitBuildArgsNeedNoArg() {
      assertThat(analyze("FROM alpine:3.20\n", "HTTP_PROXY=http://p", "BUILDKIT_INLINE_CACHE=1").warnings()).isEmpty();
    }
  }

  @Nested
  class UnsetArgs {
    @Test
    void argWithoutValueIsUnresolvedWithWhatIsKnown() {
      DockerfileAnalysis a = analyze("ARG NODE_VERSION\nFROM node:${NODE_VERSION}-alpine\n");
      ImageUse node = a.baseImages().get(0);
      assertThat(node.unresolved()).isTrue();
      assertThat(node.reference()).isNull();
      assertThat(node.registry()).isEqualTo("docker.io");
      assertThat(node.repository()).isEqualTo("library/node");
      assertThat(node.tag()).isNull();
      assertThat(node.written()).isEqualTo("node:${NODE_VERSION}-alpine");
      assertThat(a.warnings()).containsExactly("line 2: FROM node:${NODE_VERSION}-alpine is not known statically: "
          + "ARG NODE_VERSION (line 1) has no default value. Pass --build-arg NODE_VERSION=<value> to resolve it");
    }

    @Test
    void buildArgResolvesAnArgWithoutValue() {
      assertThat(bases("ARG NODE_VERSION\nFROM node:${NODE_VERSION}-alpine\n", "NODE_VERSION=22"))
          .containsExactly("docker.io/library/node:22-alpine");
    }

    @Test
    void defaultInFromCoversAnArgWithoutValue() {
      assertThat(bases("ARG TAG\nFROM alpine:${TAG:-3.20}\n")).containsExactly("docker.io/library/alpine:3.20");
    }

    @Test
    void defaultInFromCoversAnUndeclaredVariable() {
      DockerfileAnalysis a = analyze("FROM alpine:${TAG:-3.20}\n");
      assertThat(Analyses.references(a.baseImages())).containsExactly("docker.io/library/alpine:3.20");
      assertThat(a.warnings()).isEmpty();
    }

    @Test
    void nestedDefaults() {
      assertThat(bases("ARG MINOR=20\nFROM alpine:${TAG:-${MAJOR:-3}.${MINOR}}\n"))
          .containsExactly("docker.io/library/alpine:3.20");
    }

    @Test
    void wholeNameFromAnArgWithoutValueIsUnknown() {
      ImageUse image = onlyBase("ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n");
      assertThat(image.unresolved()).isTrue();
      assertThat(image.registry()).isNull();
      assertThat(image.repository()).isNull();
      assertThat(image.tag()).isNull();
      assertThat(image.tagImplicit()).isFalse();
    }

    @Test
    void unknownRegistryLeavesTheTagKnown() {
      ImageUse image = onlyBase("ARG REGISTRY\nFROM ${REGISTRY}/acme/app:1.4\n");
      assertThat(image.registry()).isNull();
      assertThat(image.repository()).isNull();
      assertThat(image.tag()).isEqualTo("1.4");
    }

    @Test
    void unknownRepositoryPartLeavesTheRegistryKnown() {
      ImageUse image = onlyBase("ARG APP\nFROM ghcr.io/acme/${APP}\n");
      assertThat(image.registry()).isEqualTo("ghcr.io");
      assertThat(image.repository()).isNull();
      assertThat(image.tag()).isNull();
    }

    @Test
    void knownNameWithoutTagIsImplicitlyLatestEvenWhenTheRegistryIsUnknown() {
      ImageUse image = onlyBase("ARG REGISTRY\nFROM ${REGISTRY}/app\n");
      assertThat(image.tag()).isEqualTo("latest");
      assertThat(image.tagImplicit()).isTrue();
    }

    @Test
    void undeclaredVariableExpandsToNothingWithAWarning() {
      DockerfileAnalysis a = analyze("FROM alpine${SUFFIX}\n");
      assertThat(Analyses.references(a.baseImages())).containsExactly("docker.io/library/alpine:latest");
      assertThat(a.warnings()).singleElement().asString().startsWith(
          "line 1: FROM alpine${SUFFIX}: SUFFIX is not declared by an ARG before the first FROM");
    }

    @Test
    void blankBaseNameIsAnError() {
      assertThatThrownBy(() -> analyze("FROM $NOTHING\n"))
          .isInstanceOf(DockerfileSyntaxException.class)
          .hasMessage("Dockerfile:1: base name ($NOTHING) should not be blank");
    }

    @Test
    void requiredVariableWithoutValueIsUnresolved() {
      assertThat(onlyBase("ARG TAG\nFROM alpine:${TAG:?required}\n").unresolved()).isTrue();
    }

    @Test
    void requiredUndeclaredVariableIsAnError() {
      assertThatThrownBy(() -> analyze("FROM alpine:${TAG:?required}\n"))
          .isInstanceOf(DockerfileSyntaxException.class)
          .hasMessageContaining("Dockerfile:1: cannot expand alpine:${TAG:?required}: TAG: required");
    }
  }

  @Nested
  class Modifiers {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "alpine:${V}                    | docker.io/library/alpine:3.20.1",
        "alpine:$V                      | docker.io/library/alpine:3.20.1",
        "alpine:${V:-x}                 | docker.io/library/alpine:3.20.1",
        "alpine:${V-x}                  | docker.io/library/alpine:3.20.1",
        "alpine:${EMPTY:-3.19}          | docker.io/library/alpine:3.19",
        "alpine${EMPTY-:3.19}           | docker.io/library/alpine:latest",
        "alpine:${V:+3.18}              | docker.io/library/alpine:3.18",
        "alpine:3${EMPTY:+.x}           | docker.io/library/alpine:3",
        "alpine:3${EMPTY+.x}            | docker.io/library/alpine:3.x",
        "alpine:${V%.*}                 | docker.io/library/alpine:3.20",
        "alpine:${V%%.*}                | docker.io/library/alpine:3",
        "alpine:${V#*.}                 | docker.io/library/alpine:20.1",
        "alpine:${V##*.}                | docker.io/library/alpine:1",
        "alpine:${V/./-}                | docker.io/library/alpine:3-20.1",
        "alpine:${V//./-}               | docker.io/library/alpine:3-20-1",
        "'\"alpine\":\"${V}\"'          | docker.io/library/alpine:3.20.1",
    })
    void expandLikeBuildKit(String from, String expected) {
      assertThat(bases("ARG V=3.20.1 EMPTY=\nFROM " + from + "\n")).containsExactly(expected);
    }

    @Test
    void escapedDollarIsLiteral() {
      assertThatThrownBy(() -> analyze("ARG V=1\nFROM alpine:\\$V\n"))
          .isInstanceOf(DockerfileSyntaxException.class)
          .hasMessageContaining("\"alpine:$V\"");
    }

    @Test
    void backtickEscapesTheDollarInWindowsFiles() {
      assertThatThrownBy(() -> analyze("# escape=`\nARG V=1\nFROM alpine:`$V\n"))
          .isInstanceOf(DockerfileSyntaxException.class)
          .hasMessageContaining("\"alpine:$V\"");
    }
  }

  @Nested
  class PlatformArgs {
    @Test
    void targetArchInTheNameIsUnresolved() {
      DockerfileAnalysis a = analyze("FROM golang:1.22-${TARGETARCH}\n");
      ImageUse go = a.baseImages().get(0);
      assertThat(go.unresolved()).isTrue();
      assertThat(go.repository()).isEqualTo("library/golang");
      assertThat(go.tag()).isNull();
      assertThat(a.warnings()).containsExactly("line 1: FROM golang:1.22-${TARGETARCH} is not known statically: "
          + "TARGETARCH is set from the target platform at build time. Pass --build-arg TARGETARCH=<value> to "
          + "resolve it");
    }

    @Test
    void platformArgGivenAsABuildArgResolves() {
      assertThat(bases("FROM golang:1.22-${TARGETARCH}\n", "TARGETARCH=arm64"))
          .containsExactly("docker.io/library/golang:1.22-arm64");
    }

    @Test
    void buildPlatformInThePlatformFlagIsKeptAsWrittenWithoutWarning() {
      DockerfileAnalysis a = analyze("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n");
      ImageUse go = a.baseImages().get(0);
      assertThat(go.reference()).isEqualTo("docker.io/library/golang:1.22");
      assertThat(go.platform()).isEqualTo("$BUILDPLATFORM");
      assertThat(go.stageAlias()).isEqualTo("build");
      assertThat(a.warnings()).isEmpty();
    }

    @Test
    void platformFlagIsExpandedWhenKnown() {
      assertThat(onlyBase("ARG OS=linux\nFROM --platform=${OS}/arm64/v8 alpine\n").platform())
          .isEqualTo("linux/arm64/v8");
      assertThat(onlyBase("FROM --platform=$BUILDPLATFORM alpine\n", "BUILDPLATFORM=linux/amd64").platform())
          .isEqualTo("linux/amd64");
    }

    @Test
    void platformFromAnArgWithoutValueWarns() {
      DockerfileAnalysis a = analyze("ARG PLATFORM\nFROM --platform=$PLATFORM alpine:3.20\n");
      assertThat(a.baseImages().get(0).platform()).isEqualTo("$PLATFORM");
      assertThat(a.baseImages().get(0).unresolved()).isFalse();
      assertThat(a.warnings()).singleElement().asString().contains("ARG PLATFORM (line 1) has no default value");
    }

    @Test
    void invalidPlatformIsAnError() {
      assertThatThrownBy(() -> analyze("FROM --platform=linux/amd64/v1/x alpine\n"))
          .isInstanceOf(DockerfileSyntaxException.class)
          .hasMessage("Dockerfile:1: failed to parse platform linux/amd64/v1/x");
      assertThatThrownBy(() -> analyze("FROM --platform=$NONE alpine\n"))
          .hasMessageContaining("empty platform value from expression $NONE");
    }

    @Test
    void globalArgWithADefaultReplacesAPlatformArg() {
      assertThat(bases("ARG TARGETARCH=amd64\nFROM golang:1.22-${TARGETARCH}\n"))
          .containsExactly("docker.io/library/golang:1.22-amd64");
    }

    @Test
    void redeclaredPlatformArgWithoutValueStaysUnknown() {
      assertThat(onlyBase("ARG TARGETOS\nFROM alpine-${TARGETOS}\n").unresolved()).isTrue();
    }

    @Test
    void argDerivedFromAPlatformArgNamesTheCause() {
      DockerfileAnalysis a = analyze("ARG BASE=golang:1.22-$TARGETOS-$TARGETARCH\nFROM $BASE\n");
      assertThat(a.baseImages().get(0).unresolved()).isTrue();
      assertThat(a.warnings()).singleElement().asString()
          .contains("TARGETOS is set from the target platform at build time; TARGETARCH is set from the target")
          .endsWith("Pass --build-arg TARGETOS=<value> --build-arg TARGETARCH=<value> to resolve it");
    }

    @Test
    void unknownValueUnderAModifierIsUnknown() {
      assertThat(onlyBase("FROM alpine:3.20${TARGETVARIANT:+-$TARGETVARIANT}\n").unresolved()).isTrue();
      assertThat(onlyBase("FROM alpine:${TARGETARCH:-x}\n").unresolved()).isTrue();
    }

    @Test
    void modifierOnAnArgWithKnownTextAroundAnUnknownPartKeepsIt() {
      assertThat(onlyBase("ARG B=golang:1-$TARGETARCH\nFROM ${B:-alpine}\n").repository()).isEqualTo("library/golang");
    }
  }
}
