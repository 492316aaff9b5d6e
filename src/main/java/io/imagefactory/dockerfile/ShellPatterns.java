package io.imagefactory.dockerfile;

import java.util.regex.Pattern;

/** Shell glob patterns ({@code * ? [...]}) as used by {@code ${VAR#pattern}} and friends. */
final class ShellPatterns {
  private ShellPatterns() {}

  static String trimPrefix(String pattern, String value, boolean longest) {
    Pattern p = compile(pattern);
    if (longest) {
      for (int i = value.length(); i >= 0; i--) {
        if (p.matcher(value.substring(0, i)).matches()) {
          return value.substring(i);
        }
      }
    } else {
      for (int i = 0; i <= value.length(); i++) {
        if (p.matcher(value.substring(0, i)).matches()) {
          return value.substring(i);
        }
      }
    }
    return value;
  }

  static String trimSuffix(String pattern, String value, boolean longest) {
    Pattern p = compile(pattern);
    if (longest) {
      for (int i = 0; i <= value.length(); i++) {
        if (p.matcher(value.substring(i)).matches()) {
          return value.substring(0, i);
        }
      }
    } else {
      for (int i = value.length(); i >= 0; i--) {
        if (p.matcher(value.substring(i)).matches()) {
          return value.substring(0, i);
        }
      }
    }
    return value;
  }

  /** {@code ${VAR/pattern/replacement}}: the longest match of pattern, first or every one. */
  static String replace(String pattern, String replacement, String value, boolean all) {
    if (pattern.isEmpty()) {
      return value;
    }
    Pattern p = compile(pattern);
    StringBuilder out = new StringBuilder();
    int i = 0;
    boolean replaced = false;
    while (i <= value.length()) {
      int end = -1;
      if (!replaced || all) {
        for (int j = value.length(); j > i; j--) {
          if (p.matcher(value.substring(i, j)).matches()) {
            end = j;
            break;
          }
        }
      }
      if (end > 0) {
        out.append(replacement);
        i = end;
        replaced = true;
      } else {
        if (i < value.length()) {
          out.append(value.charAt(i));
        }
        i++;
      }
    }
    return out.toString();
  }

  /** A glob as a Java regex: {@code *} any run, {@code ?} one character, {@code [..]} a class. */
  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '\\' -> {
          if (i + 1 < glob.length()) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          } else {
            re.append("\\\\");
          }
        }
        case '[' -> {
          int close = glob.indexOf(']', i + 2);
          if (close < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, close);
            if (body.startsWith("!")) {
              body = "^" + body.substring(1);
            }
            re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
            i = close;
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
