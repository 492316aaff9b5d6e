package io.imagefactory.rebuild;

import io.imagefactory.Durations;
import io.imagefactory.image.ImageReference;
import io.imagefactory.state.RebuildState;
import io.imagefactory.state.RebuildState.BaseUpdate;
import io.imagefactory.state.RebuildStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rebuild plans as people read them: one line per image for {@code rebuild}, a block per image and
 * a fleet summary for {@code status}. Times are UTC instants as state files hold them, with how
 * long ago or how soon in the units of {@code rebuildDelay}.
 */
public final class PlanText {
  private PlanText() {}

  /** One line: where the image stands and, for a due rebuild, that it is to be triggered. */
  public static String line(Plan p, Instant now) {
    String head = p.image() + ": ";
    return switch (p.status()) {
      case MONITORING -> head + (p.action() == Plan.Action.MANUAL ? "rebuild asked for now"
          : p.bases().isEmpty() ? "monitoring (no base images recorded yet)" : "up to date with its base images");
      case PENDING -> head + pending(p, now);
      case TRIGGERED -> head + "triggered " + ago(p.lastTrigger().map(RebuildState.Trigger::at).orElse(now), now)
          + p.update().map(u -> " for " + update(u)).orElse("") + ", waiting for its new build" + run(p);
      case OVERDUE -> head + "overdue: " + p.detail().orElse("no new build seen after the trigger") + run(p);
      case FAILED -> head + "failed: " + p.detail().orElse("the last trigger was refused")
          + "; fix it, then run image-factory rebuild " + p.image() + " --now";
    };
  }

  /** The block {@code status} prints for one image: its line, then its bases, last trigger and build. */
  public static List<String> block(Plan p, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add(line(p, now));
    for (Plan.Base b : p.bases()) {
      String digest = b.digest().map(ImageReference::shortDigest).orElse("no digest seen yet");
      String built = b.builtOn().filter(d -> !b.digest().equals(b.builtOn()))
          .map(d -> ", built on " + ImageReference.shortDigest(d)).orElse("");
      String waiting = b.unbuilt().isEmpty() ? "" : ", " + b.unbuilt().size()
          + (b.unbuilt().size() == 1 ? " update" : " updates") + " not built on since "
          + b.unbuilt().get(0).firstSeen();
      lines.add("  base " + b.name() + ": " + digest + built + waiting);
    }
    p.lastTrigger().ifPresent(t -> lines.add("  last trigger: " + t.at() + " (" + (t.manual() ? "manual, " : "")
        + t.result().id() + ")" + t.runUrl().map(u -> " " + u).orElse("")));
    lines.add("  last build: " + p.lastBuilt().map(Instant::toString).orElse("none seen yet"));
    return lines;
  }

  /** The fleet line: how many images are due, pending, triggered, overdue, failed and monitoring. */
  public static String summary(List<Plan> plans) {
    long due = plans.stream().filter(p -> p.action() == Plan.Action.DUE).count();
    Map<RebuildStatus, Long> counts = new EnumMap<>(RebuildStatus.class);
    plans.forEach(p -> counts.merge(p.status(), 1L, Long::sum));
    return "fleet: " + plans.size() + (plans.size() == 1 ? " managed image, " : " managed images, ") + due
        + " due, " + List.of(RebuildStatus.PENDING, RebuildStatus.TRIGGERED, RebuildStatus.OVERDUE,
            RebuildStatus.FAILED, RebuildStatus.MONITORING).stream()
        .map(s -> counts.getOrDefault(s, 0L) + " " + s.id()).collect(Collectors.joining(", "));
  }

  private static String pending(Plan p, Instant now) {
    String what = p.update().map(PlanText::update).orElse("an update");
    String seen = p.update().map(u -> ", first seen " + ago(u.firstSeen(), now)).orElse("");
    if (p.action() == Plan.Action.DUE) {
      return "due: " + what + seen + "; its rebuild is triggered";
    }
    if (p.detail().isPresent()) {
      return p.detail().get() + " (" + what + seen + ")";
    }
    return "pending: " + what + seen + p.due().map(d -> "; due " + d + " (in "
        + Durations.text(Duration.between(now, d)) + ")").orElse("");
  }

  private static String update(BaseUpdate u) {
    return u.baseImage() + " " + ImageReference.shortDigest(u.newDigest());
  }

  private static String ago(Instant at, Instant now) {
    return at + " (" + Durations.text(Duration.between(at, now)) + " ago)";
  }

  private static String run(Plan p) {
    return p.lastTrigger().flatMap(RebuildState.Trigger::runUrl).map(u -> "; run " + u).orElse("");
  }
}
