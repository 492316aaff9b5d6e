package io.imagefactory.credentials;

import java.util.Objects;

/**
 * A secret token. It never prints itself: {@link #toString()} names only where it came from, so
 * a token in a record, a log line or an exception message gives nothing away.
 */
public final class Token {
  private final TokenVariable source;
  private final String value;

  /** A token read from {@code source}; {@code value} must not be blank. */
  public Token(TokenVariable source, String value) {
    this.source = Objects.requireNonNull(source, "source");
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a token has a value");
    }
    this.value = value;
  }

  /** The variable the token was read from, which also says which provider issued it. */
  public TokenVariable source() {
    return source;
  }

  /** The secret itself, for the one adapter that sends it (a git transport, an HTTP header). */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Token t && t.source == source && t.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, value);
  }

  @Override
  public String toString() {
    return "Token[from " + source.env() + "]";
  }
}
