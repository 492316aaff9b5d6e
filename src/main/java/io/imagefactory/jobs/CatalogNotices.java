package io.imagefactory.jobs;

import io.imagefactory.TerminalText;
import io.imagefactory.catalog.CatalogTree;
import io.imagefactory.catalog.Ownership;
import io.imagefactory.config.CatalogSettings;
import io.imagefactory.credentials.TokenVariable;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.notify.OwnerNotifier;
import io.imagefactory.workspace.CatalogFolder;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * The notification a catalog change owes its component's owners, gathered while the catalog is at
 * hand (a clone is gone once the change is pushed) and sent after the change landed.
 *
 * @param settings where notifications go (settings.yaml's catalog.notifications)
 * @param channel the slack_channel of the ownership.yaml governing the component
 */
public record CatalogNotices(CatalogSettings settings, Optional<String> channel) {
  /** What {@code folder}'s settings and ownership say about notifying {@code component}'s owners. */
  public static CatalogNotices of(CatalogFolder folder, CatalogTree tree, String component) {
    return new CatalogNotices(folder.settings(), tree.ownerOf(component).map(Ownership::slackChannel));
  }

  /** Sends it, when a webhook or a Slack token is set up; a failure is a warning on {@code err}, never a failed command. */
  public void send(Tokens tokens, String event, String component, String version, String text, PrintWriter out,
      PrintWriter err) {
    OwnerNotifier notifier = new OwnerNotifier(settings.slackApiUrl(), settings.webhookUrl(),
        tokens.get(TokenVariable.SLACK), Duration.ofSeconds(1));
    if (!notifier.configured()) {
      return; // no webhook and no Slack token: notifications are not set up here
    }
    OwnerNotifier.Outcome o = notifier.notify(event, component, version, channel, text);
    if (o.sent()) {
      out.println(TerminalText.escapeControls("notified " + o.detail()));
    } else {
      err.println(TerminalText.escapeControls("image-factory: warning: the owners of " + component
          + " were not notified: " + o.detail() + "."));
    }
    out.flush();
    err.flush();
  }
}
