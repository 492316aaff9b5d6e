package io.imagefactory.bench;

import io.imagefactory.tags.GoRegex;
import io.imagefactory.tags.ImageLookup;
import io.imagefactory.tags.ImageSubscription;
import io.imagefactory.tags.Platform;
import io.imagefactory.tags.Selection;
import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.tags.TagImage;
import io.imagefactory.tags.TagLints;
import io.imagefactory.tags.TagSelection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * {@code preview}'s pure core on a large repository: Kargo's selection over {@code tags} tags
 * (default 10,000; seed 1: 60 % strict versions with variants such as {@code -alpine3.21}, 20 %
 * loose ones such as {@code 22-bookworm}, 20 % names and shas) for each strategy, with an allow
 * regex, an ignore regex and, for SemVer, a constraint and a platform; and the checks {@code
 * validate} would run per image: {@link GoRegex#compile} with Go's limits and {@link TagLints}.
 * The median of several rounds after warm-up.
 *
 * <p>Run: {@code bench/run TagSelectionBenchmark [tags]}
 */
public final class TagSelectionBenchmark {
  private static final int WARMUP = 5;
  private static final int ROUNDS = 11;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    List<String> tags = tags(n);
    Map<String, TagImage> images = images(tags);
    ImageLookup lookup = ImageLookup.of(images);
    System.out.printf("load average before: %s%n", loadAverage());
    System.out.printf("%,d tags, %d rounds after %d warm-up, median per selection%n", n, ROUNDS, WARMUP);
    for (SelectionStrategy s : List.of(SelectionStrategy.SEMVER, SelectionStrategy.LEXICAL, SelectionStrategy.NEWEST_BUILD)) {
      ImageSubscription sub = new ImageSubscription("ghcr.io/acme/app", s,
          s == SelectionStrategy.SEMVER ? Optional.of(">=1.0.0-0 <40") : Optional.empty(), List.of("^v?[0-9]"),
          List.of("-rc\\.", "sha-"), true, Optional.of("linux/arm64"), 20);
      long[] ns = new long[ROUNDS];
      Selection last = null;
      for (int r = -WARMUP; r < ROUNDS; r++) {
        long t = System.nanoTime();
        last = TagSelection.select(sub, tags, lookup);
        if (r >= 0) {
          ns[r] = System.nanoTime() - t;
        }
      }
      System.out.printf("%-12s %8.1f ms   discovered %d, rejected %,d, chosen %s%n", s.kargoName(), Timings.median(ns) / 1e6,
          last.discovered().size(), last.rejected().size(), last.chosen().map(d -> d.tag()).orElse("-"));
    }
    checks(n);
  }

  /** GoRegex.compile and TagLints.lint on n subscriptions with typical regexes. */
  private static void checks(int n) {
    List<String> regexes = List.of("^22-bookworm-slim$", "^v?\\d+\\.\\d+\\.\\d+$", "-alpine3\\.(19|20|21)$", "^16\\.[0-9]+$",
        "^(main|release-.*)-[0-9a-f]{7}$", "latest", "22", "^((a{10}){10}){10}$");
    long[] compileNs = new long[ROUNDS];
    long[] lintNs = new long[ROUNDS];
    long sink = 0;
    for (int r = -WARMUP; r < ROUNDS; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink += GoRegex.compile(regexes.get(i % regexes.size())).source().length();
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        String re = regexes.get(i % regexes.size());
        sink += TagLints.lint(new ImageSubscription("r/i", SelectionStrategy.SEMVER, Optional.empty(), List.of(re), List.of(re),
            true, Optional.empty(), 20)).size();
      }
      long t2 = System.nanoTime();
      if (r >= 0) {
        compileNs[r] = t1 - t0;
        lintNs[r] = t2 - t1;
      }
    }
    System.out.printf("GoRegex.compile x%,d  %8.1f ms%n", n, Timings.median(compileNs) / 1e6);
    System.out.printf("TagLints.lint   x%,d  %8.1f ms   (each compiles its 2 regexes again)%n", n, Timings.median(lintNs) / 1e6);
    long t = System.nanoTime();
    Optional<String> refused = GoRegex.problem("((((a{1000}){1000}){1000}){1000})");
    System.out.printf("((((a{1000}){1000}){1000}){1000}) refused in %.2f ms: %s (checksum %d)%n",
        (System.nanoTime() - t) / 1e6, refused.orElse("accepted?"), sink);
  }

  private static List<String> tags(int n) {
    Random random = new Random(1);
    List<String> tags = new ArrayList<>(n);
    String[] variants = {"", "", "-alpine3.21", "-bookworm-slim", "-rc.1"};
    while (tags.size() < n) {
      int kind = random.nextInt(10);
      String version = random.nextInt(40) + "." + random.nextInt(30) + "." + random.nextInt(20);
      if (kind < 6) {
        tags.add((random.nextBoolean() ? "v" : "") + version + variants[random.nextInt(variants.length)]);
      } else if (kind < 8) {
        tags.add(random.nextInt(40) + (random.nextBoolean() ? "-bookworm" : "." + random.nextInt(30)));
      } else {
        tags.add(random.nextBoolean() ? "sha-" + Long.toHexString(random.nextLong()) : "nightly-" + random.nextInt(100_000));
      }
    }
    return tags.stream().distinct().toList();
  }

  private static Map<String, TagImage> images(List<String> tags) {
    Map<String, TagImage> images = new HashMap<>();
    for (int i = 0; i < tags.size(); i++) {
      Instant created = T0.plusSeconds(37L * i);
      List<TagImage.Entry> entries = new ArrayList<>(List.of(new TagImage.Entry(Platform.parse("linux/amd64"), created, Map.of())));
      if (i % 3 != 0) {
        entries.add(new TagImage.Entry(Platform.parse("linux/arm64"), created, Map.of()));
      }
      entries.add(new TagImage.Entry(new Platform("unknown", "unknown", ""), created, Map.of()));
      images.put(tags.get(i), new TagImage.Index("sha256:" + Integer.toHexString(i), Map.of(), entries));
    }
    return images;
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
