package io.imagefactory.tagging;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.Manifest;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.registry.RegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link TagPlan}: a manifest PUT of the same bytes per tag (a retag: no pull, no
 * daemon), immutable tags first and rolling tags last. Just before each PUT the tag is read
 * again: an immutable tag that appeared meanwhile, or a mutable one that moved since the plan,
 * stops the push (another pipeline won the race; a re-run plans on what it did).
 */
public final class TagPusher {
  private static final Logger log = LoggerFactory.getLogger(TagPusher.class);
  private final RegistryClient client;

  public TagPusher(RegistryClient client) {
    this.client = client;
  }

  /** Writes the plan's tags; {@code pushed} is the digest of the image being published. Returns the tags written. */
  public List<String> push(ImageReference repository, TagPlan plan, String pushed) {
    Map<String, Manifest> manifests = new HashMap<>();
    List<String> written = new ArrayList<>();
    for (TagPlan.PlannedTag t : plan.writes()) {
      String target = t.target().orElse(pushed);
      Manifest manifest = manifests.computeIfAbsent(target, d -> client.manifest(repository.withDigest(d)));
      ImageReference ref = repository.withTag(t.tag());
      Optional<String> now = current(ref);
      if (now.equals(Optional.of(target))) {
        log.info("{} already points at {}", ref, target);
        continue;
      }
      if (!now.equals(t.current())) {
        throw new ExternalFailureException("Tried to write " + ref + " but it " + now.map(d -> "points at " + d)
            .orElse("is gone") + " now, not at " + t.current().orElse("nothing") + " as when the plan was made",
            "another pipeline wrote it meanwhile: run tags plan --push again, which plans on the registry as it is", null);
      }
      client.putManifest(ref, manifest);
      log.info("wrote {} -> {}", ref, target);
      written.add(t.tag());
    }
    return written;
  }

  private Optional<String> current(ImageReference ref) {
    try {
      return Optional.of(client.digest(ref));
    } catch (RegistryException e) {
      if (e.failure() == RegistryException.Failure.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
