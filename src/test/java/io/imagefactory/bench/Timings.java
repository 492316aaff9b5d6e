package io.imagefactory.bench;

import java.util.Arrays;

/** Summaries of measured times, shared by the benchmarks. */
final class Timings {
  private Timings() {}

  /** The middle value (the upper middle for an even count); the input is left as it is. */
  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
