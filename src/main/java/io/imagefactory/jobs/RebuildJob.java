package io.imagefactory.jobs;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.TerminalText;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.rebuild.Plan;
import io.imagefactory.rebuild.PlanText;
import io.imagefactory.rebuild.RebuildDecision;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.RebuildState;
import io.imagefactory.state.RebuildState.BaseUpdate;
import io.imagefactory.state.StateChanges;
import io.imagefactory.trigger.RebuildTrigger.Outcome;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code image-factory rebuild}: triggers the CI build of every managed image whose rebuild is due,
 * and records in each image's {@code rebuildState} what is pending, what was triggered and what
 * the API answered.
 *
 * <p>Prepares by deciding with {@link RebuildDecision} on the state as loaded and sending the due
 * requests, once each: a request is never sent again after a lost push race. The decision it
 * records is made again on the state as it is then, so an update {@code record-update} wrote
 * meanwhile is kept and counted.
 */
public final class RebuildJob implements StateJob {
  /** How long a triggered rebuild may take to produce a new build before it is reported overdue. */
  public static final Duration DEFAULT_OVERDUE_AFTER = Duration.ofHours(6);

  /** Sends one rebuild request: GitHub's workflow_dispatch or a GitLab pipeline, by the image's source. */
  public interface Requests {
    /**
     * Throws when {@code image}'s request cannot be sent at all (no token): asked of every due image
     * before the first request, so that a run either sends all of them or none.
     */
    void check(ImageEnrollment image);

    /** Starts {@code image}'s CI build for {@code update} (none for a manual rebuild without one). */
    Outcome send(ImageEnrollment image, Optional<BaseUpdate> update);
  }

  private final List<String> names;
  private final boolean manual;
  private final Clock clock;
  private final Duration overdueAfter;
  private final Requests requests;

  /**
   * The job deciding for {@code names} (every managed image when empty).
   *
   * @param manual trigger the named images now, whatever their delay ({@code --now})
   */
  public RebuildJob(List<String> names, boolean manual, Clock clock, Duration overdueAfter, Requests requests) {
    this.names = List.copyOf(names);
    this.manual = manual;
    this.clock = clock;
    this.overdueAfter = overdueAfter;
    this.requests = requests;
  }

  /** What a request got: the plan it was sent for, the API's answer, and when. */
  private record Sent(Plan plan, Outcome outcome, Instant at) {}

  @Override
  public Decision prepare(FleetInputs inputs, PrintWriter out) {
    Instant now = clock.instant();
    List<Plan> plans = RebuildDecision.plans(inputs, names, now, overdueAfter, manual);
    plans.stream().filter(p -> p.action().triggers()).forEach(p -> requests.check(inputs.enrollment(p.image())));
    Map<String, Sent> sent = new TreeMap<>();
    for (Plan plan : plans) {
      if (plan.action().triggers()) {
        Outcome outcome = requests.send(inputs.enrollment(plan.image()), plan.update());
        sent.put(plan.image(), new Sent(plan, outcome, clock.instant()));
        out.println(TerminalText.escapeControls(sentLine(plan, outcome)));
      } else {
        out.println(TerminalText.escapeControls(PlanText.line(plan, now)));
      }
    }
    out.flush();
    return new Recording(plans.stream().map(Plan::image).toList(), sent, now);
  }

  private static String sentLine(Plan plan, Outcome o) {
    String why = plan.update().map(u -> " for " + u.baseImage() + " (first seen " + u.firstSeen() + ")")
        .orElse(plan.action() == Plan.Action.MANUAL ? " (asked for with --now)" : "");
    return plan.image() + ": " + switch (o.kind()) {
      case TRIGGERED -> "triggered its rebuild" + why + o.runUrl().map(u -> ": " + u).orElse("");
      case FAILED -> "its rebuild request was refused: " + o.detail();
      case RETRY -> "its rebuild request did not go through (" + o.detail() + "); the next run sends it again";
    };
  }

  /** The prepared decision: record what was sent, and decide the others on the state as it is. */
  private final class Recording implements Decision {
    private final List<String> images;
    private final Map<String, Sent> sent;
    private final Instant now;

    Recording(List<String> images, Map<String, Sent> sent, Instant now) {
      this.images = images;
      this.sent = sent;
      this.now = now;
    }

    @Override
    public StateChanges decide(FleetInputs current) {
      Map<String, ImageState> written = new TreeMap<>();
      List<String> notes = new ArrayList<>();
      for (String name : images) {
        ImageState state = current.images().get(name);
        Sent s = sent.get(name);
        if (state == null && s == null) {
          continue; // not analysed yet: nothing to record until analyze writes its state file
        }
        ImageState base = state == null ? ImageState.of(name) : state;
        Optional<RebuildState> next = s != null ? Optional.of(recorded(s))
            : RebuildDecision.plan(current, name, now, overdueAfter, false).map(p -> p.state(now));
        if (next.isPresent() && !next.equals(base.rebuildState())) {
          written.put(name, base.withRebuildState(next.get()));
          notes.add(name + ": rebuildState " + next.get().status().id()
              + next.get().detail().map(d -> " (" + d + ")").orElse(""));
        }
      }
      return new StateChanges(written, Map.of(), Set.of(), notes);
    }

    private RebuildState recorded(Sent s) {
      Outcome o = s.outcome();
      Optional<RebuildState.Result> result = switch (o.kind()) {
        case TRIGGERED -> Optional.of(RebuildState.Result.TRIGGERED);
        case FAILED -> Optional.of(RebuildState.Result.FAILED);
        case RETRY -> Optional.empty();
      };
      Optional<String> detail = o.kind() == Outcome.Kind.TRIGGERED ? Optional.empty() : Optional.of(o.detail());
      return s.plan().afterRequest(s.at(), result, o.runId(), o.runUrl(), detail);
    }

    @Override
    public String commitMessage(StateChanges changes) {
      List<String> triggered = sent.entrySet().stream()
          .filter(e -> e.getValue().outcome().kind() == Outcome.Kind.TRIGGERED).map(Map.Entry::getKey).toList();
      String subject = triggered.isEmpty() ? "rebuild: record the rebuild states"
          : "rebuild " + String.join(", ", triggered);
      return subject + "\n\n" + String.join("\n", changes.notes()) + "\n";
    }

    @Override
    public String unchanged() {
      return "rebuild states unchanged: nothing to write";
    }

    @Override
    public String notePrefix() {
      return "  ";
    }

    /** A request refused for good (401, 403, 404, 422) is recorded, then fails the run: a person must act. */
    @Override
    public void finish() {
      List<String> refused = sent.entrySet().stream()
          .filter(e -> e.getValue().outcome().kind() == Outcome.Kind.FAILED)
          .map(e -> e.getKey() + " (" + e.getValue().outcome().detail() + ")").toList();
      if (!refused.isEmpty()) {
        throw new ExternalFailureException("the rebuild request of " + String.join(", ", refused) + " was refused",
            "fix the token, workflow or project named, then run image-factory rebuild NAME --now", null);
      }
    }
  }
}
