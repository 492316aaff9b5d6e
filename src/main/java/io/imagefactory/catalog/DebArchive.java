package io.imagefactory.catalog;

import io.airlift.compress.zstd.ZstdInputStream;
import io.imagefactory.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The control fields of a Debian package, as {@code dpkg-deb --field} reads them: an {@code ar}
 * archive whose {@code control.tar} (plain, or compressed with gzip, xz or zstd) holds {@code
 * ./control}, RFC 822 style fields with continuation lines.
 */
public final class DebArchive {
  /** A control file is a few KiB; more is not a package. */
  private static final int MAX_CONTROL_BYTES = 1 << 20;

  private DebArchive() {}

  /**
   * The package's {@code Package}, {@code Version}, {@code Architecture} and {@code Depends}.
   *
   * @param name what messages call the file
   * @throws InvalidInputException when it is not a Debian package or lacks a required field
   */
  public static DebControl control(InputStream deb, String name) {
    Map<String, String> fields = fields(new String(controlFile(deb, name), StandardCharsets.UTF_8));
    for (String required : new String[] {"Package", "Version", "Architecture"}) {
      if (!fields.containsKey(required)) {
        throw new InvalidInputException(name, "its control file has no " + required + " field",
            "build the package with dpkg-deb from a DEBIAN/control that has Package, Version and Architecture");
      }
    }
    return new DebControl(fields.get("Package"), fields.get("Version"), fields.get("Architecture"),
        fields.get("Depends"));
  }

  private static byte[] controlFile(InputStream deb, String name) {
    try (ArArchiveInputStream ar = new ArArchiveInputStream(deb)) {
      boolean debianBinary = false;
      for (ArArchiveEntry e = ar.getNextEntry(); e != null; e = ar.getNextEntry()) {
        if (e.getName().equals("debian-binary")) {
          debianBinary = true;
        } else if (e.getName().startsWith("control.tar")) {
          if (!debianBinary) {
            break;
          }
          return fromTar(decompressed(ar, e.getName(), name), name);
        }
      }
    } catch (IOException e) {
      throw notADeb(name, e.getMessage());
    }
    throw notADeb(name, "no debian-binary and control.tar members");
  }

  private static InputStream decompressed(InputStream in, String member, String name) throws IOException {
    if (member.equals("control.tar")) {
      return in;
    }
    if (member.equals("control.tar.gz")) {
      return new GZIPInputStream(in);
    }
    if (member.equals("control.tar.xz")) {
      return new XZInputStream(in);
    }
    if (member.equals("control.tar.zst")) {
      return new ZstdInputStream(in);
    }
    throw notADeb(name, "its " + member + " is compressed in a way dpkg does not write");
  }

  private static byte[] fromTar(InputStream tar, String name) throws IOException {
    TarArchiveInputStream t = new TarArchiveInputStream(tar);
    for (TarArchiveEntry e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
      if (e.getName().equals("./control") || e.getName().equals("control")) {
        if (e.getSize() > MAX_CONTROL_BYTES) {
          throw notADeb(name, "its control file is larger than 1 MiB");
        }
        return t.readNBytes(MAX_CONTROL_BYTES);
      }
    }
    throw notADeb(name, "its control.tar has no control file");
  }

  /** RFC 822 style fields; a line starting with a space continues the field before it. */
  static Map<String, String> fields(String control) {
    Map<String, String> fields = new LinkedHashMap<>();
    String last = null;
    for (String line : control.split("\n")) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
        fields.merge(last, "\n" + line.strip(), String::concat);
      } else if (line.indexOf(':') > 0) {
        last = line.substring(0, line.indexOf(':')).strip();
        fields.put(last, line.substring(line.indexOf(':') + 1).strip());
      }
    }
    return fields;
  }

  private static InvalidInputException notADeb(String name, String why) {
    return new InvalidInputException(name, "is not a Debian package: " + why,
        "pass the .deb that dpkg-deb --build wrote");
  }
}
