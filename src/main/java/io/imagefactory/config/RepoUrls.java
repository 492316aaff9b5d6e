package io.imagefactory.config;

import java.util.regex.Pattern;

/** The {@code repoURL} of a Kargo image subscription: {@code registry/repository}, no scheme or tag. */
public final class RepoUrls {
  // From Kargo's subscription schema image.json (its groups made non-capturing: cheaper to match).
  private static final Pattern KARGO_REPO_URL =
      Pattern.compile("(?:\\w+(?:[.-]\\w+)*(?::\\d+)?/)?(?:\\w+(?:[.-]\\w+)*)(?:/\\w+(?:[.-]\\w+)*)*");

  private RepoUrls() {}

  /** A {@code repoURL} Kargo's image subscription schema accepts. */
  public static boolean isValid(String s) {
    return s != null && KARGO_REPO_URL.matcher(s).matches();
  }
}
