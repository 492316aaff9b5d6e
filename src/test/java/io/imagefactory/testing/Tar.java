package io.imagefactory.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tar archives of image layers: written as ustar with fixed owners and times, so the same entries
 * give the same bytes (and digest); read back with PAX and GNU long-name headers, as Jib writes.
 */
public final class Tar {
  private static final int BLOCK = 512;
  public static final char FILE = '0';
  public static final char DIRECTORY = '5';
  public static final char SYMLINK = '2';

  private Tar() {}

  /** One member: {@code name} is relative ({@code etc/passwd}), {@code mtime} in epoch seconds. */
  public record Entry(String name, char type, int mode, long mtime, String linkName, byte[] content) {
    public static Entry directory(String name, int mode) {
      return new Entry(name, DIRECTORY, mode, 0, "", new byte[0]);
    }

    public static Entry file(String name, int mode, String content) {
      return new Entry(name, FILE, mode, 0, "", content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The archive of {@code entries}, sorted by name, owned by 0:0, at the epoch. */
  public static byte[] write(List<Entry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Entry e : entries.stream().sorted(Comparator.comparing(Entry::name)).toList()) {
      out.writeBytes(header(e));
      out.writeBytes(e.content());
      out.writeBytes(new byte[padding(e.content().length)]);
    }
    out.writeBytes(new byte[2 * BLOCK]);
    return out.toByteArray();
  }

  private static byte[] header(Entry e) {
    byte[] h = new byte[BLOCK];
    byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
    if (name.length > 100) {
      throw new IllegalArgumentException("names over 100 bytes need a PAX header: " + e.name());
    }
    System.arraycopy(name, 0, h, 0, name.length);
    octal(h, 100, 8, e.mode());
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, e.content().length);
    octal(h, 136, 12, e.mtime());
    h[156] = (byte) e.type();
    put(h, 157, e.linkName());
    put(h, 257, "ustar\0" + "00");
    Arrays.fill(h, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum) + "\0 ");
    return h;
  }

  private static void octal(byte[] h, int offset, int length, long value) {
    put(h, offset, String.format("%0" + (length - 1) + "o", value) + "\0");
  }

  private static void put(byte[] h, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, h, offset, bytes.length);
  }

  private static int padding(long size) {
    return (int) ((BLOCK - size % BLOCK) % BLOCK);
  }

  /** Every member of {@code in}, with PAX ({@code path}, {@code mtime}) and GNU long names applied. */
  public static List<Entry> read(InputStream in) {
    try {
      List<Entry> entries = new ArrayList<>();
      Map<String, String> pax = new HashMap<>();
      for (byte[] h = in.readNBytes(BLOCK); h.length == BLOCK && !zero(h); h = in.readNBytes(BLOCK)) {
        long size = number(h, 124, 12);
        byte[] content = in.readNBytes((int) size);
        in.readNBytes(padding(size));
        char type = (char) h[156];
        switch (type) {
          case 'x' -> pax.putAll(paxRecords(content));
          case 'L' -> pax.put("path", text(content, 0, content.length));
          case 'g' -> { } // global PAX defaults: nothing a layer needs
          default -> {
            entries.add(entry(h, type == '\0' ? FILE : type, content, pax));
            pax.clear();
          }
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Entry entry(byte[] h, char type, byte[] content, Map<String, String> pax) {
    String prefix = text(h, 345, 155);
    String name = pax.getOrDefault("path", prefix.isEmpty() ? text(h, 0, 100) : prefix + "/" + text(h, 0, 100));
    long mtime = pax.containsKey("mtime") ? new BigDecimal(pax.get("mtime")).longValue() : number(h, 136, 12);
    String link = pax.getOrDefault("linkpath", text(h, 157, 100));
    return new Entry(name.replaceFirst("^(\\./|/)+", ""), type, (int) number(h, 100, 8), mtime, link, content);
  }

  private static Map<String, String> paxRecords(byte[] content) {
    Map<String, String> records = new HashMap<>();
    int at = 0;
    while (at < content.length) {
      int space = at;
      while (content[space] != ' ') {
        space++;
      }
      int length = Integer.parseInt(text(content, at, space - at));
      String record = new String(content, space + 1, length - (space - at) - 2, StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      records.put(record.substring(0, eq), record.substring(eq + 1));
      at += length;
    }
    return records;
  }

  private static long number(byte[] h, int offset, int length) {
    String digits = text(h, offset, length).trim();
    return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
  }

  private static String text(byte[] bytes, int offset, int length) {
    int end = offset;
    while (end < offset + length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static boolean zero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Writes {@code entries} under {@code root}, later layers over earlier ones; refuses to leave it. */
  public static void extract(List<Entry> entries, Path root) {
    try {
      for (Entry e : entries) {
        Path target = root.resolve(e.name()).normalize();
        if (!target.startsWith(root)) {
          throw new IllegalArgumentException("tar entry outside the root: " + e.name());
        }
        switch (e.type()) {
          case DIRECTORY -> Files.createDirectories(target);
          case FILE -> Files.write(Files.createDirectories(target.getParent()).resolve(target.getFileName()), e.content());
          case SYMLINK -> {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Path.of(e.linkName()));
          }
          default -> throw new IllegalArgumentException("unsupported tar entry type " + e.type() + ": " + e.name());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
