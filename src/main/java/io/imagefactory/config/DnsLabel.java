package io.imagefactory.config;

/**
 * Kubernetes DNS-1123 labels: image names, the Project, state file names. Every generated
 * resource is named from one, so every name in every file is checked against it.
 */
public final class DnsLabel {
  /** The longest label Kubernetes accepts, and the longest label value. */
  public static final int MAX = 63;

  private DnsLabel() {}

  /** Lowercase letters, digits and '-', not at either end, at most 63 characters. */
  public static boolean isValid(String s) {
    // [a-z0-9]([-a-z0-9]*[a-z0-9])?, checked by hand: every name in every file is one
    if (s == null || s.isEmpty() || s.length() > MAX || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
