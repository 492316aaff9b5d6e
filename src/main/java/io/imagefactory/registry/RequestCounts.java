package io.imagefactory.registry;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many HTTP requests a client sent, per operation ({@code ping}, {@code token}, {@code manifest},
 * {@code blob}, {@code tags}, {@code referrers}, {@code upload}, {@code delete}), retries and
 * redirects included: for benchmarks that report requests per reference.
 *
 * @param byOperation sorted by operation
 */
public record RequestCounts(SortedMap<String, Long> byOperation) {
  public RequestCounts {
    byOperation = Collections.unmodifiableSortedMap(new TreeMap<>(byOperation));
  }

  /** Every request, of every operation. */
  public long total() {
    return byOperation.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The requests of one operation; 0 when there were none. */
  public long of(String operation) {
    return byOperation.getOrDefault(operation, 0L);
  }
}
