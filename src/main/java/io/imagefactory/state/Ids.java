package io.imagefactory.state;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Looks up the constants of the enums state files write by an id ({@code success}, {@code pending}). */
final class Ids {
  private Ids() {}

  /** The constant of {@code values} whose id is {@code id}. */
  static <E> Optional<E> find(E[] values, Function<E, String> ids, String id) {
    return Arrays.stream(values).filter(v -> ids.apply(v).equals(id)).findFirst();
  }

  /** Every id, in declaration order, for messages. */
  static <E> List<String> all(E[] values, Function<E, String> ids) {
    return Arrays.stream(values).map(ids).toList();
  }
}
