package io.imagefactory.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Architecture names as images and Debian packages write them, and the one name both mean.
 *
 * <p>An image index says {@code arm/v7} or {@code 386}, a .deb says {@code armhf} or {@code i386};
 * metadata.yaml may use either, and checks compare them by their Debian name. {@code all} is a
 * .deb that runs anywhere.
 */
public final class Architectures {
  /** Any architecture: a Debian package of scripts or data. */
  public static final String ALL = "all";
  private static final Map<String, String> TO_DEBIAN = Map.ofEntries(
      Map.entry("amd64", "amd64"), Map.entry("arm64", "arm64"), Map.entry("arm64/v8", "arm64"),
      Map.entry("arm", "armhf"), Map.entry("arm/v7", "armhf"), Map.entry("armhf", "armhf"),
      Map.entry("arm/v6", "armel"), Map.entry("arm/v5", "armel"), Map.entry("armel", "armel"),
      Map.entry("386", "i386"), Map.entry("i386", "i386"), Map.entry("ppc64le", "ppc64el"),
      Map.entry("ppc64el", "ppc64el"), Map.entry("s390x", "s390x"), Map.entry("riscv64", "riscv64"),
      Map.entry("mips64le", "mips64el"), Map.entry("mips64el", "mips64el"), Map.entry("loong64", "loong64"),
      Map.entry(ALL, ALL));

  private Architectures() {}

  /** Whether {@code name} is an architecture an image or a package may name. */
  public static boolean isKnown(String name) {
    return TO_DEBIAN.containsKey(name);
  }

  /** The Debian name of {@code name} ({@code arm/v7} is {@code armhf}); unknown names as they are. */
  public static String debian(String name) {
    return TO_DEBIAN.getOrDefault(name, name);
  }

  /** The Debian names of {@code names}, each once, in order. */
  public static Set<String> debian(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    names.forEach(n -> out.add(debian(n)));
    return out;
  }

  /**
   * The name an image platform is recorded under: {@code os/arch[/variant]} without the os, and
   * without the variant arm64 always has ({@code arm64/v8} is {@code arm64}).
   */
  public static String ofPlatform(String architecture, String variant) {
    if (variant == null || variant.isEmpty() || architecture.equals("arm64") && variant.equals("v8")) {
      return architecture;
    }
    return architecture + "/" + variant;
  }

  /** The known names, for messages. */
  public static String known() {
    return "amd64, arm64, arm/v7 (armhf), arm/v6 (armel), 386 (i386), ppc64le (ppc64el), s390x, riscv64,"
        + " mips64le (mips64el), loong64" + ", or all for a .deb that runs anywhere";
  }

  /** {@code names} with duplicates (by Debian name) left out, in order. */
  public static List<String> distinct(List<String> names) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (seen.add(debian(n))) {
        out.add(n);
      }
    }
    return out;
  }
}
