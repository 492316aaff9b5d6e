package io.imagefactory.tags;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Kargo v1.11.2 would discover for one image subscription: the references, best first, and
 * every listed tag it would not take, with the reason. A Warehouse makes new Freight from the
 * first reference.
 *
 * <p>As JSON (Jackson, no modules needed): {@code {"strategy": "SemVer", "chosen": {...} or null,
 * "others": [...], "rejected": [{"tag", "reason", "detail"}], "failure": null or "..."}}.
 *
 * @param strategy the strategy that selected
 * @param discovered the references Kargo keeps, best first (at most {@code discoveryLimit})
 * @param rejected the tags dropped by the filters, in the registry's order, then those dropped
 *     while walking the sorted candidates (platform, limit), in that order
 * @param failure why Kargo's discovery would fail instead (a bad regex, constraint or platform,
 *     an index Kargo cannot read); then nothing is discovered
 */
@JsonPropertyOrder({"strategy", "chosen", "others", "rejected", "failure"})
public record Selection(
    SelectionStrategy strategy,
    @JsonIgnore List<DiscoveredImage> discovered,
    List<RejectedTag> rejected,
    @JsonIgnore Optional<String> failure) {

  public Selection {
    Objects.requireNonNull(strategy, "strategy");
    discovered = List.copyOf(discovered);
    rejected = List.copyOf(rejected);
    Objects.requireNonNull(failure, "failure");
  }

  /** A discovery that fails with {@code why}, after the filters dropped {@code rejected}. */
  static Selection failed(SelectionStrategy strategy, List<RejectedTag> rejected, String why) {
    return new Selection(strategy, List.of(), rejected, Optional.of(why));
  }

  /** The reference new Freight would take, if any. */
  public Optional<DiscoveredImage> chosen() {
    return discovered.stream().findFirst();
  }

  /** The references discovered after the chosen one, in order. */
  @JsonProperty("others")
  public List<DiscoveredImage> others() {
    return discovered.isEmpty() ? List.of() : discovered.subList(1, discovered.size());
  }

  @JsonProperty("chosen")
  DiscoveredImage chosenOrNull() {
    return chosen().orElse(null);
  }

  @JsonProperty("failure")
  String failureOrNull() {
    return failure.orElse(null);
  }
}
