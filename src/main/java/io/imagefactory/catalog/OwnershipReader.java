package io.imagefactory.catalog;

import static io.imagefactory.catalog.Fields.shortened;

import io.imagefactory.Problem;
import io.imagefactory.yaml.MapReader;
import io.imagefactory.yaml.YamlReader;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a group's {@code ownership.yaml}, with the seed's fields. */
public final class OwnershipReader {
  static final List<String> FIELDS =
      List.of("owner_team", "product_owner", "slack_channel", "source_repo", "ci_pipeline", "audit_contact");
  /** A channel name with its #, or a channel id as Slack's API gives it. */
  static final Pattern CHANNEL = Pattern.compile("#[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]{8,}");

  private OwnershipReader() {}

  /** Parses ownership; null when it has errors (each recorded in {@code problems}). */
  public static Ownership read(String text, String file, List<Problem> problems) {
    MapReader r = MapReader.of(YamlReader.read(text, file), file, "ownership.yaml", problems);
    if (r == null) {
      return null;
    }
    int mark = r.mark();
    r.rejectUnknownFields(FIELDS, "ownership.yaml");
    String team = r.requiredString("owner_team", "write the team that owns the group's components, e.g. cloud-dmp");
    if (team != null && team.isBlank()) {
      // an empty team would be an "owner:" tag in ci-tags.yaml that names nobody
      r.error("owner_team", "owner_team is empty", "write the team that owns the group's components, e.g. cloud-dmp");
      team = null;
    }
    String channel = r.requiredString("slack_channel",
        "write the channel notifications go to, quoted: slack_channel: \"#cloud-dmp-alerts\" (unquoted, # starts a comment)");
    if (channel != null && !CHANNEL.matcher(channel).matches()) {
      r.error("slack_channel", "slack_channel \"" + shortened(channel) + "\" is not a Slack channel",
          "write #name in lowercase (quoted), or the channel's id such as C0123456789");
    }
    String productOwner = Fields.email(r, "product_owner");
    String sourceRepo = Fields.url(r, "source_repo");
    String ciPipeline = Fields.url(r, "ci_pipeline");
    String audit = Fields.email(r, "audit_contact");
    if (r.hasErrorsSince(mark)) {
      return null;
    }
    return new Ownership(team, Optional.ofNullable(productOwner), channel, Optional.ofNullable(sourceRepo),
        Optional.ofNullable(ciPipeline), Optional.ofNullable(audit), Positions.of(r));
  }
}
