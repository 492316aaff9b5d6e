package io.imagefactory.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Realistic Dockerfiles (the benchmark's corpus, src/test/resources/io/imagefactory/bench):
 * what each builds from, copies from, and which frontend it asks for.
 */
class CorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/io/imagefactory/bench/dockerfiles");
  private static final String DISTROLESS = "gcr.io/distroless/static-debian12:nonroot@sha256:"
      + "8dd8d3ca2cf283383304fd45a5c9c74d5f2cd9da8d3b077d720e264880077c65";

  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("go-cross", List.of("docker.io/library/golang:1.22-bookworm", DISTROLESS), List.of(),
            "docker.io/docker/dockerfile:1"),
        Arguments.of("heredocs", List.of("docker.io/library/debian:bookworm-slim"), List.of(),
            "docker.io/docker/dockerfile:1.4"),
        Arguments.of("java-maven", List.of("docker.io/library/maven:3.9-eclipse-temurin-21",
            "docker.io/library/eclipse-temurin:21-jre-jammy"), List.of(), null),
        Arguments.of("nginx-static", List.of("docker.io/library/node:20-alpine",
            "docker.io/nginxinc/nginx-unprivileged:1.27-alpine"), List.of("ghcr.io/acme/security-headers:1.2"), null),
        Arguments.of("node-web", List.of("docker.io/library/node:22-alpine3.20", "docker.io/library/node:22-alpine3.20"),
            List.of(), "docker.io/docker/dockerfile:1.7"),
        Arguments.of("php-fpm", List.of("docker.io/library/composer:2.7", "docker.io/library/php:8.3-fpm-alpine"),
            List.of("docker.io/mlocati/php-extension-installer:2", "docker.io/library/composer:2.7"), null),
        Arguments.of("python-api", List.of("docker.io/library/python:3.12-slim-bookworm"),
            List.of("ghcr.io/astral-sh/uv:0.4.18"), null),
        Arguments.of("registry-args", List.of("registry.acme.example:5000/platform/tools:2024.10",
            "registry.acme.example:5000/platform/base-runtime:2024.10.1"),
            List.of("docker.io/library/busybox:1.36-musl"), null),
        Arguments.of("ruby-rails", List.of("docker.io/library/ruby:3.3.5-slim"), List.of(),
            "docker.io/docker/dockerfile:1"),
        Arguments.of("rust-musl", List.of("docker.io/tonistiigi/xx:1.5.0", "docker.io/library/rust:1.81-alpine",
            "docker.io/library/alpine:3.20"), List.of(), null),
        Arguments.of("simple-alpine", List.of("docker.io/library/alpine:3.20"), List.of(), null),
        Arguments.of("windows-service", List.of("mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-ltsc2022",
            "mcr.microsoft.com/windows/servercore:ltsc2022"), List.of(), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void findsWhatEachDockerfileUses(String name, List<String> bases, List<String> copies, String frontend)
      throws IOException {
    String text = Files.readString(CORPUS.resolve(name + ".Dockerfile"));
    DockerfileAnalysis a = DockerfileParser.analyze(text, name, Map.of());
    assertThat(Analyses.references(a.baseImages())).containsExactlyElementsOf(bases);
    assertThat(Analyses.references(a.copyImages())).containsExactlyElementsOf(copies);
    assertThat(a.frontendImage() == null ? null : a.frontendImage().reference()).isEqualTo(frontend);
    assertThat(a.warnings()).isEmpty();
  }

  @Test
  void corpusHasNoUntestedFile() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      assertThat(files.count()).isEqualTo(corpus().count());
    }
  }
}
