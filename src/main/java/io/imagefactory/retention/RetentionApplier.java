package io.imagefactory.retention;

import io.imagefactory.forge.GhcrPackages;
import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.RegistryClient;
import java.util.Map;
import java.util.Optional;

/**
 * {@code retention apply}: re-reads the registry, keeps of the plan only what still holds
 * ({@link PlanRevision}), and deletes it, through the distribution API or, on GHCR, through
 * GitHub's package versions. Applying the same plan again deletes nothing more.
 */
public final class RetentionApplier {
  private final RegistryClient client;

  public RetentionApplier(RegistryClient client) {
    this.client = client;
  }

  /** Applies {@code plan}; {@code ghcr} is the package API to delete through, for a GHCR repository. */
  public ApplyReport apply(RetentionPlan plan, Optional<GhcrPackages> ghcr) {
    ImageReference repository = ImageReference.parse(plan.image());
    Snapshot fresh = new RegistrySnapshots(client).read(repository, plan.now(), Map.of());
    PlanRevision.Revised revised = PlanRevision.revise(plan, fresh);
    return ghcr.isPresent() ? new GhcrDeletions(ghcr.get()).apply(revised)
        : new OciDeletions(client, repository).apply(revised, fresh);
  }
}
