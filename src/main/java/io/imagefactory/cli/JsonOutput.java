package io.imagefactory.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The indented JSON the commands print with {@code --output json}, made on first use. picocli
 * instantiates every command class on each start, so a mapper in a command's static field would be
 * made on every start of every command (the first {@code ObjectMapper} of a JVM costs about a
 * quarter of a second; see bench/README.md, "RetentionPlanBenchmark").
 */
final class JsonOutput {
  private JsonOutput() {}

  /** The shared mapper, indenting its output. */
  static ObjectMapper pretty() {
    return Holder.PRETTY;
  }

  /** Loaded, and the mapper made, only when {@link #pretty} is first called. */
  private static final class Holder {
    static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
