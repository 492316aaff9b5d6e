package io.imagefactory.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitPinsTest {
  static final String A = "sha256:" + "a".repeat(64);
  static final String B = "sha256:" + "b".repeat(64);
  static final String C = "sha256:" + "c".repeat(64);
  static final String D = "sha256:" + "d".repeat(64);
  @TempDir Path root;

  @Test
  void readsEveryDigestOfImagesYamlStateAndDistButNothingElse() throws Exception {
    Files.createDirectories(root.resolve("image-factory/state/base-images"));
    Files.createDirectories(root.resolve("dist/sub"));
    Files.writeString(root.resolve("image-factory/images.yaml"), "- name: a\n  # pinned: ghcr.io/a/b@" + A + "\n");
    Files.writeString(root.resolve("image-factory/state/base-images/node.yaml"), "currentDigest: " + B + "\n");
    Files.writeString(root.resolve("dist/sub/x.k8s.yaml"), "image: x@" + C + "\r\n");
    Files.writeString(root.resolve("README.md"), "elsewhere: " + D + "\n");

    assertThat(GitPins.read(root)).containsExactly(A, B, C);
  }

  @Test
  void followsNoSymbolicLinkAndReadsVeryLongLinesInOverlappingPieces() throws Exception {
    Files.createDirectories(root.resolve("dist"));
    Path outside = Files.writeString(root.resolve("outside.yaml"), "image: x@" + D + "\n");
    Files.createSymbolicLink(root.resolve("dist/link.yaml"), outside);
    String padding = "x".repeat((1 << 20) - 30);
    Files.writeString(root.resolve("dist/long.yaml"), padding + " " + A + " " + padding + B + "\n");

    assertThat(GitPins.read(root)).containsExactly(A, B);
  }

  @Test
  void aCheckoutWithoutTheFilesPinsNothing() {
    assertThat(GitPins.read(root)).isEmpty();
  }
}
