package io.imagefactory.retention;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.registry.RegistryException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out deletions with the distribution API: each tag with a tag DELETE (OCI distribution
 * 1.1) where the registry has it; where it deletes by digest only (distribution 2.8), the tag is
 * moved to a tombstone manifest of its own, which is then deleted by digest, taking only that tag
 * with it. Manifests are deleted by digest, indexes before what they list. A deletion answered 404
 * was already done.
 */
final class OciDeletions {
  private static final Logger log = LoggerFactory.getLogger(OciDeletions.class);
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String EMPTY = "application/vnd.oci.empty.v1+json";
  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

  private final RegistryClient client;
  private final ImageReference repository;
  private boolean manifestDeletesChecked;

  OciDeletions(RegistryClient client, ImageReference repository) {
    this.client = client;
    this.repository = repository;
  }

  ApplyReport apply(PlanRevision.Revised revised, Snapshot fresh) {
    SortedMap<String, String> skipped = new TreeMap<>(revised.skipped());
    List<String> tags = new ArrayList<>();
    for (String tag : revised.deleteTags()) {
      if (deleteTag(repository.withTag(tag))) {
        tags.add(tag);
      } else {
        skipped.put(tag, "already gone");
      }
    }
    List<String> manifests = new ArrayList<>();
    for (String digest : indexesFirst(revised.deleteManifests(), fresh)) {
      if (gone(() -> client.deleteManifest(repository.withDigest(digest)))) {
        skipped.put(digest, "already gone");
      } else {
        log.info("deleted {}@{}", repository.repoUrl(), digest);
        manifests.add(digest);
      }
    }
    return new ApplyReport(tags, manifests, skipped);
  }

  /** Deletes one tag; false when it was gone. */
  private boolean deleteTag(ImageReference ref) {
    try {
      return !gone(() -> client.deleteTag(ref));
    } catch (RegistryException e) {
      if (e.failure() != RegistryException.Failure.UNSUPPORTED) {
        throw e;
      }
      return !gone(() -> tombstone(ref));
    }
  }

  /** Moves {@code ref}'s tag to a manifest of its own and deletes that manifest by digest. */
  private void tombstone(ImageReference ref) {
    client.digest(ref); // a tag that is gone is not recreated: this answers 404 first
    checkManifestDeletes();
    byte[] bytes = tombstone(ref.tag());
    String digest = client.putManifest(ref, OCI_MANIFEST, bytes);
    client.deleteManifest(repository.withDigest(digest));
    log.info("deleted tag {} through tombstone {}", ref, digest);
  }

  /**
   * Once per run, before any tag is moved to a tombstone: a tombstone pushed by digest is deleted
   * again, so that a registry that refuses manifest deletes fails here, with every tag intact.
   */
  private void checkManifestDeletes() {
    if (manifestDeletesChecked) {
      return;
    }
    client.pushBlob(repository, EMPTY_JSON);
    byte[] probe = tombstone("");
    String digest = sha256(probe);
    client.putManifest(repository.withDigest(digest), OCI_MANIFEST, probe);
    try {
      client.deleteManifest(repository.withDigest(digest));
    } catch (RegistryException e) {
      throw new ExternalFailureException("Tried to delete tags of " + repository.repoUrl() + " but the registry deletes"
          + " neither tags nor manifests (" + e.getMessage() + ")",
          "enable deletes (distribution: storage.delete.enabled: true), or delete through the registry's own API", e);
    }
    manifestDeletesChecked = true;
  }

  private static byte[] tombstone(String tag) {
    String json = "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":{\"mediaType\":\"" + EMPTY
        + "\",\"digest\":\"" + sha256(EMPTY_JSON) + "\",\"size\":2},\"layers\":[{\"mediaType\":\"" + EMPTY
        + "\",\"digest\":\"" + sha256(EMPTY_JSON) + "\",\"size\":2}],\"annotations\":{\"io.imagefactory.tombstone\":\""
        + tag + "\"}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> indexesFirst(List<String> digests, Snapshot fresh) {
    Map<String, String> types = new HashMap<>();
    fresh.manifests().forEach(m -> types.put(m.digest(), m.mediaType()));
    return digests.stream().sorted(Comparator.comparing((String d) -> !types.getOrDefault(d, "").contains("index")
        && !types.getOrDefault(d, "").contains("list")).thenComparing(d -> d)).toList();
  }

  /** Runs a delete; true when the registry answered that there was nothing to delete. */
  private static boolean gone(Runnable delete) {
    try {
      delete.run();
      return false;
    } catch (RegistryException e) {
      if (e.failure() == RegistryException.Failure.NOT_FOUND) {
        return true;
      }
      throw e;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
