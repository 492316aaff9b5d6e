package io.imagefactory.catalog;

import java.util.Objects;

/**
 * The fields of a Debian package's control file that the catalog records.
 *
 * @param name {@code Package}
 * @param version {@code Version}, e.g. {@code 1.0.2-1} (its own, not the catalog's version)
 * @param architecture {@code Architecture}: a Debian architecture or {@code all}
 * @param depends {@code Depends} as written, or empty
 */
public record DebControl(String name, String version, String architecture, String depends) {
  public DebControl {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(architecture, "architecture");
    depends = depends == null ? "" : depends;
  }
}
