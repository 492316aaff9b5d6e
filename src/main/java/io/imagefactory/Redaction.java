package io.imagefactory;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text before it is printed: the user-info of URLs ({@code
 * https://bot:ghp_...@host/} becomes {@code https://***@host/}, {@code ssh://git:pw@host/} becomes
 * {@code ssh://git:***@host/}) and known token values. Applied to
 * every message, stack trace and log line the CLI prints, so a secret that reached a URL or a
 * library's message still never reaches a terminal or a job's log.
 */
public final class Redaction {
  /** What a secret is replaced with. */
  public static final String MASK = "***";
  // scheme://userinfo@ where userinfo has no '/', '@', whitespace or quote: the authority's user part.
  private static final Pattern USER_INFO = Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)([^/?#@\\s\"'<>]+)@");
  private static final int SHORTEST_SECRET = 4;

  private Redaction() {}

  /**
   * True when {@code url} carries a credential: any user-info in an http(s) URL (a token is often
   * written as the user name), a password in any other ({@code ssh://git@host/} is a login name,
   * as is the scp-style {@code git@host:path}).
   */
  public static boolean hasUserInfo(String url) {
    if (url == null) {
      return false;
    }
    Matcher m = USER_INFO.matcher(url);
    while (m.find()) {
      if (isSecret(m.group(1), m.group(2))) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} with the user-info of every URL in it masked. */
  public static String urls(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    return USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(!isSecret(m.group(1), m.group(2)) ? m.group()
        : m.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("http") ? m.group(1) + MASK + "@"
        : m.group(1) + m.group(2).substring(0, m.group(2).indexOf(':') + 1) + MASK + "@"));
  }

  private static boolean isSecret(String scheme, String userInfo) {
    return scheme.toLowerCase(java.util.Locale.ROOT).startsWith("http") || userInfo.indexOf(':') >= 0;
  }

  /** {@code text} with URL user-info and each of {@code secrets} (values shorter than 4 characters are left) masked. */
  public static String all(String text, Collection<String> secrets) {
    String out = urls(text);
    for (String secret : secrets) {
      if (out != null && secret != null && secret.length() >= SHORTEST_SECRET && out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }
}
