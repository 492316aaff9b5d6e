package io.imagefactory.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A group's {@code ownership.yaml}: who answers for its components and where to tell them, with the
 * seed's field names.
 *
 * @param ownerTeam {@code owner_team}
 * @param productOwner {@code product_owner}, an e-mail address
 * @param slackChannel {@code slack_channel}: {@code #name} or a channel id; notifications go there
 * @param sourceRepo {@code source_repo}
 * @param ciPipeline {@code ci_pipeline}
 * @param auditContact {@code audit_contact}, an e-mail address
 * @param positions where each field was written (not part of the value)
 */
public record Ownership(
    String ownerTeam,
    Optional<String> productOwner,
    String slackChannel,
    Optional<String> sourceRepo,
    Optional<String> ciPipeline,
    Optional<String> auditContact,
    Positions positions) {

  public Ownership {
    Objects.requireNonNull(ownerTeam, "ownerTeam");
    Objects.requireNonNull(productOwner, "productOwner");
    Objects.requireNonNull(slackChannel, "slackChannel");
    Objects.requireNonNull(sourceRepo, "sourceRepo");
    Objects.requireNonNull(ciPipeline, "ciPipeline");
    Objects.requireNonNull(auditContact, "auditContact");
    positions = positions == null ? Positions.NONE : positions;
  }
}
