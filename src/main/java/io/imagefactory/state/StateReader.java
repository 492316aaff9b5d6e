package io.imagefactory.state;

import io.imagefactory.config.DnsLabel;
import io.imagefactory.config.RepoUrls;
import io.imagefactory.config.Timestamps;
import io.imagefactory.Problem;
import io.imagefactory.tags.TagPolicyReader;
import io.imagefactory.tags.Watch;
import io.imagefactory.image.ImageReference;
import io.imagefactory.yaml.MapReader;
import io.imagefactory.yaml.YamlReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Parses state files, with the field names of the design document, checking each field.
 *
 * <p>Returns null (with problems recorded) for a file that cannot be used; a file whose {@code
 * name} differs from its file name is an error, since names link state files to each other.
 */
public final class StateReader {
  static final List<String> IMAGE_FIELDS = concat(
      List.of("name", "enrolledAt", "lastDiscovery", "discoveryStatus", "discoveryError", "lastDiscoveryAttempt",
          "enrollment", "repoURL"),
      TagPolicyReader.FIELDS,
      List.of("baseImages", "baseDigests", "currentVersion", "currentDigest", "lastBuilt", "updates", "rebuildState",
          "verification"));
  static final List<String> BASE_FIELDS = concat(
      List.of("name", "fullImage", "registry", "repository", "tag", "digest", "repoURL"),
      TagPolicyReader.FIELDS,
      List.of("firstDiscovered", "lastChecked", "dependentImages", "currentDigest", "lastUpdated", "updates",
          "verification"));
  static final List<String> ENROLLMENT_FIELDS =
      List.of("registry", "repository", "source", "rebuildDelay", "autoRebuild");
  static final List<String> SOURCE_FIELDS = List.of("provider", "repo", "branch", "dockerfile", "workflow");

  private StateReader() {}

  /** Parses state/images/{expectedName}.yaml. */
  public static ImageState readImage(String text, String file, String expectedName, List<Problem> problems) {
    MapReader r = MapReader.of(YamlReader.read(text, file), file, "an image state file", problems);
    if (r == null) {
      return null;
    }
    int mark = r.mark();
    r.rejectUnknownFields(IMAGE_FIELDS, "an image state file");
    String name = name(r, expectedName);
    Optional<Instant> enrolledAt = instant(r, "enrolledAt");
    Optional<Instant> lastDiscovery = instant(r, "lastDiscovery");
    Optional<DiscoveryStatus> status =
        oneOf(r, "discoveryStatus", DiscoveryStatus.ids()).flatMap(DiscoveryStatus::fromId);
    Optional<ImageState.Failure> failure = failure(r, status);
    Optional<EnrollmentSnapshot> enrollment = enrollment(r.optionalMap("enrollment", "enrollment"));
    Watch watch = watch(r);
    List<String> bases = names(r, "baseImages");
    TreeMap<String, String> baseDigests = RebuildFields.readBaseDigests(r);
    Optional<String> version = Optional.ofNullable(r.optionalString("currentVersion"));
    Optional<String> digest = digest(r, "currentDigest");
    Optional<Instant> lastBuilt = instant(r, "lastBuilt");
    List<SeenDigest> updates = RebuildFields.readHistory(r, problems);
    Optional<RebuildState> rebuild = RebuildFields.readRebuild(r.optionalMap("rebuildState", "rebuildState"));
    Optional<Verification> verification = VerificationYaml.read(r.optionalMap("verification", "verification"));
    if (r.hasErrorsSince(mark)) {
      return null;
    }
    return new ImageState(name, enrolledAt, enrollment, new ImageState.Discovery(lastDiscovery, status, bases, failure),
        watch, new Build(version, digest, lastBuilt), rebuild, new ImageState.Lineage(baseDigests, updates), verification);
  }

  /** Parses state/base-images/{expectedName}.yaml. */
  public static BaseImageState readBase(String text, String file, String expectedName, List<Problem> problems) {
    MapReader r = MapReader.of(YamlReader.read(text, file), file, "a base image state file", problems);
    if (r == null) {
      return null;
    }
    int mark = r.mark();
    r.rejectUnknownFields(BASE_FIELDS, "a base image state file");
    String name = name(r, expectedName);
    String fullImage = r.optionalString("fullImage");
    String registry = r.optionalString("registry");
    if (registry != null && !ImageReference.isValidRegistry(registry)) {
      r.error("registry", "registry \"" + registry + "\" is not a registry host", "write e.g. docker.io");
    }
    String repository = r.optionalString("repository");
    if (repository != null && !ImageReference.isValidRepository(repository)) {
      r.error("repository", "repository \"" + repository + "\" is not a valid repository path", "write e.g. library/node");
    }
    String tag = r.optionalString("tag");
    if (tag != null && !ImageReference.isValidTag(tag)) {
      r.error("tag", "tag \"" + tag + "\" is not a valid tag", "letters, digits, '_', '.', '-', at most 128");
    }
    Optional<String> pinned = digest(r, "digest");
    Watch watch = watch(r);
    Optional<Instant> first = instant(r, "firstDiscovered");
    Optional<Instant> checked = instant(r, "lastChecked");
    List<String> dependents = names(r, "dependentImages");
    Optional<String> current = digest(r, "currentDigest");
    Optional<Instant> updated = instant(r, "lastUpdated");
    List<SeenDigest> updates = RebuildFields.readHistory(r, problems);
    Optional<Verification> verification = VerificationYaml.read(r.optionalMap("verification", "verification"));
    if (r.hasErrorsSince(mark)) {
      return null;
    }
    BaseImageState.Reference reference = new BaseImageState.Reference(Optional.ofNullable(fullImage),
        Optional.ofNullable(registry), Optional.ofNullable(repository), Optional.ofNullable(tag), pinned);
    return new BaseImageState(name, reference, watch, new BaseImageState.Seen(first, checked), dependents,
        new BaseImageState.Update(current, updated), updates, verification);
  }

  /** discoveryError and lastDiscoveryAttempt: both or neither, and only while discovery fails. */
  private static Optional<ImageState.Failure> failure(MapReader r, Optional<DiscoveryStatus> status) {
    String reason = r.optionalString("discoveryError");
    Optional<Instant> at = instant(r, "lastDiscoveryAttempt");
    if (reason == null && at.isEmpty()) {
      return Optional.empty();
    }
    String present = reason != null ? "discoveryError" : "lastDiscoveryAttempt";
    if (reason == null || at.isEmpty()) {
      r.error(present, "discoveryError and lastDiscoveryAttempt go together",
          "write both (why and when the last discovery failed), or delete both");
      return Optional.empty();
    }
    if (!status.equals(Optional.of(DiscoveryStatus.FAILED))) {
      r.error(present, present + " is kept only while discoveryStatus is failed",
          "delete discoveryError and lastDiscoveryAttempt, or set discoveryStatus: failed");
      return Optional.empty();
    }
    return Optional.of(new ImageState.Failure(at.get(), reason));
  }

  private static String name(MapReader r, String expectedName) {
    String name = r.requiredString("name", "add 'name: " + expectedName + "'");
    if (name != null && !name.equals(expectedName)) {
      r.error("name", "name \"" + name + "\" does not match the file name " + expectedName + ".yaml",
          "rename the file or the name; other files refer to it by name");
      return null;
    }
    return name;
  }

  /** repoURL and the tag policy, which follow each other in both kinds of state file. */
  private static Watch watch(MapReader r) {
    String url = r.optionalString("repoURL");
    if (url != null && !RepoUrls.isValid(url)) {
      r.error("repoURL", "repoURL \"" + url + "\" is not a repository Kargo accepts",
          "write registry/repository without a scheme or tag, e.g. docker.io/library/node");
    }
    return Watch.of(url, TagPolicyReader.read(r));
  }

  static Optional<String> digest(MapReader r, String key) {
    String digest = r.optionalString(key);
    if (digest != null && !ImageReference.isValidDigest(digest)) {
      r.error(key, key + " \"" + digest + "\" is not a digest", "write sha256: followed by 64 hex digits");
      return Optional.empty();
    }
    return Optional.ofNullable(digest);
  }

  static Optional<Instant> instant(MapReader r, String key) {
    String text = r.optionalString(key);
    if (text == null) {
      return Optional.empty();
    }
    Optional<Instant> instant = Timestamps.parse(text);
    if (instant.isEmpty()) {
      r.error(key, key + " \"" + text + "\" is not a timestamp", "write RFC 3339 in UTC, e.g. 2024-12-04T10:00:00Z");
    }
    return instant;
  }

  static Optional<String> oneOf(MapReader r, String key, List<String> allowed) {
    String value = r.optionalString(key);
    if (value != null && !allowed.contains(value)) {
      r.error(key, "unknown " + key + " \"" + value + "\"", "use one of " + String.join(", ", allowed));
      return Optional.empty();
    }
    return Optional.ofNullable(value);
  }

  private static List<String> names(MapReader r, String key) {
    List<String> names = new ArrayList<>();
    for (String n : r.stringList(key)) {
      if (!DnsLabel.isValid(n)) {
        r.error(key, key + " entry \"" + n + "\" is not an image name", "list image names as they appear in state file names");
      } else if (names.contains(n)) {
        r.error(key, key + " lists \"" + n + "\" twice", "list each image once");
      } else {
        names.add(n);
      }
    }
    return names;
  }

  private static Optional<EnrollmentSnapshot> enrollment(MapReader e) {
    if (e == null) {
      return Optional.empty();
    }
    e.rejectUnknownFields(ENROLLMENT_FIELDS, "enrollment");
    MapReader s = e.optionalMap("source", "enrollment source");
    Optional<EnrollmentSnapshot.SourceSnapshot> source = Optional.empty();
    if (s != null) {
      s.rejectUnknownFields(SOURCE_FIELDS, "enrollment source");
      source = Optional.of(new EnrollmentSnapshot.SourceSnapshot(string(s, "provider"), string(s, "repo"),
          string(s, "branch"), string(s, "dockerfile"), string(s, "workflow")));
    }
    return Optional.of(new EnrollmentSnapshot(string(e, "registry"), string(e, "repository"), source,
        string(e, "rebuildDelay"), Optional.ofNullable(e.optionalBoolean("autoRebuild"))));
  }

  static Optional<String> string(MapReader r, String key) {
    return Optional.ofNullable(r.optionalString(key));
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> p : parts) {
      all.addAll(p);
    }
    return List.copyOf(all);
  }
}
