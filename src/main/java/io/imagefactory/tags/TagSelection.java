package io.imagefactory.tags;

import io.imagefactory.TerminalText;
import io.imagefactory.tags.RejectedTag.Reason;
import io.imagefactory.tags.TagFilter.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Kargo v1.11.2's image tag selection ({@code pkg/image}), as SELECTION.md describes it: what a
 * Warehouse subscription discovers from a repository's tags. Pure: the tags come in, and the
 * image behind a tag comes from an {@link ImageLookup} asked only for the tags Kargo would fetch.
 *
 * <p>SemVer, Lexical and NewestBuild: {@code ignoreTagsRegexes} (ignore wins), then
 * {@code allowTagsRegexes} (both unanchored, RE2); SemVer then keeps versions ({@code
 * strictSemvers}) inside {@code constraint}. SemVer and Lexical sort the tags and walk them,
 * fetching each until {@code discoveryLimit} images passed the platform filter; NewestBuild
 * fetches every candidate, drops the wrong platforms, sorts by build time and cuts at the limit.
 * Digest fetches the one tag in {@code constraint} and ignores the regexes.
 */
public final class TagSelection {
  /** NewestBuild: newest build first, ties by tag descending ({@code newest_build_selector.go:186-193}). */
  private static final Comparator<Fetched> NEWEST_FIRST = Comparator.<Fetched, java.time.Instant>comparing(
      f -> f.image().createdAt()).thenComparing(f -> f.image().tag(), TagFilter::compareBytes).reversed();

  private TagSelection() {}

  /**
   * What Kargo would discover for {@code subscription} from the repository's {@code tags}.
   *
   * @param tags every tag the registry lists, in any order; Digest takes none (Kargo lists none
   *     for it, {@link SelectionStrategy#listsTags}), and any given are not looked at
   * @param images the image behind a tag, asked only for tags Kargo would fetch
   */
  public static Selection select(ImageSubscription subscription, List<String> tags, ImageLookup images) {
    SelectionRules rules;
    try {
      rules = SelectionRules.of(subscription);
    } catch (SelectionRules.Invalid e) {
      return Selection.failed(subscription.strategy(), List.of(), e.getMessage());
    }
    return select(rules, tags, images);
  }

  static Selection select(SelectionRules rules, List<String> tags, ImageLookup images) {
    if (rules.strategy() == SelectionStrategy.DIGEST) {
      return digest(rules, images);
    }
    TagFilter.Filtered filtered = TagFilter.filter(rules, tags);
    List<RejectedTag> rejected = new ArrayList<>(filtered.rejected());
    try {
      List<DiscoveredImage> found = rules.strategy() == SelectionStrategy.NEWEST_BUILD
          ? newestBuilds(rules, filtered.candidates(), images, rejected)
          : walk(rules, filtered.candidates(), images, rejected);
      return new Selection(rules.strategy(), found, rejected, Optional.empty());
    } catch (Unreadable e) {
      return Selection.failed(rules.strategy(), filtered.rejected(), e.getMessage());
    }
  }

  /** SemVer and Lexical: sequential fetches down the sorted tags ({@code tag_based_selector.go:129-166}). */
  private static List<DiscoveredImage> walk(SelectionRules rules, List<Candidate> sorted, ImageLookup images,
      List<RejectedTag> rejected) {
    int limit = effectiveLimit(rules.limit(), sorted.size());
    List<DiscoveredImage> found = new ArrayList<>();
    for (Candidate c : sorted) {
      if (found.size() >= limit) {
        rejected.add(new RejectedTag(c.tag(), Reason.PAST_LIMIT, "discoveryLimit " + limit + " reached first; not fetched"));
        continue;
      }
      Fetched f = fetch(c.tag(), required(c.tag(), images), rules.platform());
      if (f.rejection() != null) {
        rejected.add(f.rejection());
      } else {
        found.add(f.image());
      }
    }
    return found;
  }

  /** NewestBuild: every candidate fetched, then sorted by build time ({@code newest_build_selector.go:43-107}). */
  private static List<DiscoveredImage> newestBuilds(SelectionRules rules, List<Candidate> candidates, ImageLookup images,
      List<RejectedTag> rejected) {
    List<Fetched> passed = new ArrayList<>();
    for (Candidate c : candidates) {
      Fetched f = fetch(c.tag(), required(c.tag(), images), rules.platform());
      if (f.rejection() != null) {
        rejected.add(f.rejection());
      } else {
        passed.add(f);
      }
    }
    passed.sort(NEWEST_FIRST);
    int limit = effectiveLimit(rules.limit(), passed.size());
    List<DiscoveredImage> found = new ArrayList<>();
    for (Fetched f : passed) {
      if (found.size() < limit) {
        found.add(f.image());
      } else {
        rejected.add(new RejectedTag(f.image().tag(), Reason.PAST_LIMIT,
            "discoveryLimit " + limit + " newer builds come first"));
      }
    }
    return found;
  }

  /**
   * Digest: the one tag in constraint, no other tag listed or rejected; a missing tag is no image
   * and no error ({@code digest_selector.go:58-89}).
   */
  private static Selection digest(SelectionRules rules, ImageLookup images) {
    Optional<TagImage> image = images.lookup(rules.followedTag());
    if (image.isEmpty()) {
      return new Selection(rules.strategy(), List.of(), List.of(), Optional.empty());
    }
    try {
      Fetched f = fetch(rules.followedTag(), image.get(), rules.platform());
      return f.rejection() != null
          ? new Selection(rules.strategy(), List.of(), List.of(f.rejection()), Optional.empty())
          : new Selection(rules.strategy(), List.of(f.image()), List.of(), Optional.empty());
    } catch (Unreadable e) {
      return Selection.failed(rules.strategy(), List.of(), e.getMessage());
    }
  }

  /** Kargo's limit: 0 (unset) or more than there is means all ({@code tag_based_selector.go:135-138}). */
  static int effectiveLimit(int limit, int available) {
    return limit <= 0 || limit > available ? available : limit;
  }

  private static TagImage required(String tag, ImageLookup images) {
    return images.lookup(tag).orElseThrow(() -> new Unreadable(tag, "the registry lists the tag but has no manifest for it"));
  }

  /** The image as Kargo's {@code getImageByTag} returns it, or why the platform filter dropped it. */
  private static Fetched fetch(String tag, TagImage image, Optional<Platform> wanted) {
    List<TagImage.Entry> entries = image instanceof TagImage.Index index ? index.images() : List.of();
    if (image instanceof TagImage.Index && entries.isEmpty()) {
      throw new Unreadable(tag, "empty V2 manifest list or OCI index is not supported");
    }
    Optional<TagImage.Entry> match = wanted.flatMap(p -> entries.stream().filter(e -> e.platform().equals(p)).findFirst());
    List<Platform> platforms = entries.stream().map(TagImage.Entry::platform).toList();
    if (wanted.isPresent() && match.isEmpty()) {
      String offered = platforms.isEmpty() ? "a single-platform manifest, which Kargo gives no platform"
          : "offers " + platforms.stream().map(Platform::toString).reduce((a, b) -> a + ", " + b).orElse("");
      return new Fetched(null, new RejectedTag(tag, Reason.WRONG_PLATFORM, "not " + wanted.get() + ": " + offered));
    }
    Map<String, String> annotations = new TreeMap<>(image.annotations());
    match.ifPresent(e -> annotations.putAll(e.annotations())); // image.getAnnotations(platform)
    java.time.Instant created = image instanceof TagImage.Manifest m ? m.created()
        : ((TagImage.Index) image).created().orElseThrow();
    return new Fetched(new DiscoveredImage(tag, image.digest(), created, platforms, annotations), null);
  }

  /** An image that passed the platform filter, or why it did not. */
  private record Fetched(DiscoveredImage image, RejectedTag rejection) {}

  /** An image Kargo cannot read, which fails the whole discovery. */
  private static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String tag, String why) {
      super("error getting images by tags: error retrieving image with tag " + TerminalText.quote(tag) + ": " + why,
          null, false, false);
    }
  }
}
