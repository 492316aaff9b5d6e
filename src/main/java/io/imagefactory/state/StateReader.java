package io.imagefactory.state;

import io.imagefactory.config.DnsLabel;
import io.imagefactory.config.RepoUrls;
import io.imagefactory.config.Timestamps;
import io.imagefactory.Problem;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.tags.TagPolicyReader;
import io.imagefactory.image.ImageReference;
import io.imagefactory.yaml.MapReader;
import io.imagefactory.yaml.YamlReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses state files, with the field names of the design document, checking each field.
 *
 * <p>Returns null (with problems recorded) for a file that cannot be used; a file whose {@code
 * name} differs from its file name is an error, since names link state files to each other.
 */
public final class StateReader {
  static final List<String> IMAGE_FIELDS = concat(
      List.of("name", "enrolledAt", "lastDiscovery", "discoveryStatus", "enrollment", "repoURL"),
      TagPolicyReader.FIELDS,
      List.of("baseImages", "currentVersion", "currentDigest", "lastBuilt", "rebuildState"));
  static final List<String> BASE_FIELDS = concat(
      List.of("name", "fullImage", "registry", "repository", "tag", "digest", "repoURL"),
      TagPolicyReader.FIELDS,
      List.of("firstDiscovered", "lastChecked", "dependentImages", "currentDigest", "lastUpdated"));
  static final List<String> ENROLLMENT_FIELDS =
      List.of("registry", "repository", "source", "rebuildDelay", "autoRebuild");
  static final List<String> SOURCE_FIELDS = List.of("provider", "repo", "branch", "dockerfile", "workflow");
  static final List<String> REBUILD_FIELDS =
      List.of("status", "pendingRebuild", "pendingSince", "lastTriggered", "reason");

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
    Instant enrolledAt = instant(r, "enrolledAt");
    Instant lastDiscovery = instant(r, "lastDiscovery");
    String status = oneOf(r, "discoveryStatus", ImageState.DISCOVERY_STATUSES);
    EnrollmentSnapshot enrollment = enrollment(r.optionalMap("enrollment", "enrollment"));
    String repoUrl = repoUrl(r);
    TagPolicy tags = TagPolicyReader.read(r);
    List<String> bases = names(r, "baseImages");
    String version = r.optionalString("currentVersion");
    String digest = digest(r, "currentDigest");
    Instant lastBuilt = instant(r, "lastBuilt");
    RebuildState rebuild = rebuildState(r.optionalMap("rebuildState", "rebuildState"));
    if (r.hasErrorsSince(mark)) {
      return null;
    }
    return new ImageState(name, enrolledAt, lastDiscovery, status, enrollment, repoUrl, tags, bases,
        version, digest, lastBuilt, rebuild);
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
    String pinned = digest(r, "digest");
    String repoUrl = repoUrl(r);
    TagPolicy tags = TagPolicyReader.read(r);
    Instant first = instant(r, "firstDiscovered");
    Instant checked = instant(r, "lastChecked");
    List<String> dependents = names(r, "dependentImages");
    String current = digest(r, "currentDigest");
    Instant updated = instant(r, "lastUpdated");
    if (r.hasErrorsSince(mark)) {
      return null;
    }
    return new BaseImageState(name, fullImage, registry, repository, tag, pinned, repoUrl, tags, first,
        checked, dependents, current, updated);
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

  private static String repoUrl(MapReader r) {
    String url = r.optionalString("repoURL");
    if (url != null && !RepoUrls.isValid(url)) {
      r.error("repoURL", "repoURL \"" + url + "\" is not a repository Kargo accepts",
          "write registry/repository without a scheme or tag, e.g. docker.io/library/node");
    }
    return url;
  }

  private static String digest(MapReader r, String key) {
    String digest = r.optionalString(key);
    if (digest != null && !ImageReference.isValidDigest(digest)) {
      r.error(key, key + " \"" + digest + "\" is not a digest", "write sha256: followed by 64 hex digits");
      return null;
    }
    return digest;
  }

  private static Instant instant(MapReader r, String key) {
    String text = r.optionalString(key);
    if (text == null) {
      return null;
    }
    Instant instant = Timestamps.parse(text).orElse(null);
    if (instant == null) {
      r.error(key, key + " \"" + text + "\" is not a timestamp", "write RFC 3339 in UTC, e.g. 2024-12-04T10:00:00Z");
    }
    return instant;
  }

  private static String oneOf(MapReader r, String key, List<String> allowed) {
    String value = r.optionalString(key);
    if (value != null && !allowed.contains(value)) {
      r.error(key, "unknown " + key + " \"" + value + "\"", "use one of " + String.join(", ", allowed));
      return null;
    }
    return value;
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

  private static EnrollmentSnapshot enrollment(MapReader e) {
    if (e == null) {
      return null;
    }
    e.rejectUnknownFields(ENROLLMENT_FIELDS, "enrollment");
    MapReader s = e.optionalMap("source", "enrollment source");
    EnrollmentSnapshot.SourceSnapshot source = null;
    if (s != null) {
      s.rejectUnknownFields(SOURCE_FIELDS, "enrollment source");
      source = new EnrollmentSnapshot.SourceSnapshot(s.optionalString("provider"), s.optionalString("repo"),
          s.optionalString("branch"), s.optionalString("dockerfile"), s.optionalString("workflow"));
    }
    return new EnrollmentSnapshot(e.optionalString("registry"), e.optionalString("repository"), source,
        e.optionalString("rebuildDelay"), e.optionalBoolean("autoRebuild"));
  }

  private static RebuildState rebuildState(MapReader s) {
    if (s == null) {
      return null;
    }
    s.rejectUnknownFields(REBUILD_FIELDS, "rebuildState");
    String status = oneOf(s, "status", RebuildState.STATUSES);
    Boolean pending = s.optionalBoolean("pendingRebuild");
    return new RebuildState(status == null ? "monitoring" : status, Boolean.TRUE.equals(pending),
        instant(s, "pendingSince"), instant(s, "lastTriggered"), s.optionalString("reason"));
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
