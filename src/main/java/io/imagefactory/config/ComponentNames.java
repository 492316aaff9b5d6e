package io.imagefactory.config;

import java.util.regex.Pattern;

/**
 * Names of catalog components: the folder path under the catalog's components/, such as {@code
 * cloud/dmp/ms-ingestion} (group {@code cloud/dmp}, component {@code ms-ingestion}).
 */
public final class ComponentNames {
  /** The longest name accepted: deep enough for any product tree, short enough for a path. */
  public static final int MAX_LENGTH = 200;
  /** The most segments a name has. */
  public static final int MAX_DEPTH = 8;
  private static final Pattern SEGMENT = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

  private ComponentNames() {}

  /** Lowercase segments of letters and digits joined by '.', '_' or '-', separated by '/'; never "versions". */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
      return false;
    }
    String[] segments = name.split("/", -1);
    if (segments.length > MAX_DEPTH) {
      return false;
    }
    for (String s : segments) {
      if (!isSegment(s)) {
        return false;
      }
    }
    return true;
  }

  /** One folder name of a component path; "versions" is the layout's own folder. */
  public static boolean isSegment(String segment) {
    return SEGMENT.matcher(segment).matches() && !segment.equals("versions");
  }

  /** What to write instead of an invalid name, for messages. */
  public static String rule() {
    return "write folder names of lowercase letters and digits joined by '.', '_' or '-', separated by '/',"
        + " e.g. cloud/dmp/ms-ingestion";
  }
}
