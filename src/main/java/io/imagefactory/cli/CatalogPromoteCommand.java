package io.imagefactory.cli;

import io.imagefactory.catalog.CatalogTree;
import io.imagefactory.catalog.Promotion;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.jobs.CatalogNotices;
import io.imagefactory.workspace.CatalogFolder;
import io.imagefactory.workspace.StateWorkspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code image-factory catalog promote|demote COMPONENT VERSION --domain D}: edits the domain's
 * index after the checks of {@code catalog check}; in the checkout, or committed and pushed.
 */
abstract class CatalogPromoteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CatalogCommand parent;
  @Mixin CatalogOptions options;

  @Parameters(index = "0", paramLabel = "COMPONENT", description = "e.g. cloud/dmp/ms-ingestion.")
  String component;

  @Parameters(index = "1", paramLabel = "VERSION", description = "A published version, e.g. 1.0.3.")
  String version;

  @Option(names = "--domain", required = true, paramLabel = "D", description = "The domain: index/tags/domain-D.yaml.")
  String domain;

  @Mixin GitRepoOptions git;

  /** The change to catalog {@code tree}, with {@code folder}'s required labels; empty when none is needed. */
  abstract Optional<Promotion.Change> change(CatalogFolder folder, CatalogTree tree);

  /** What is printed when nothing changes. */
  abstract String unchanged();

  @Override
  public Integer call() {
    AtomicReference<Optional<Promotion.Change>> made = new AtomicReference<>(Optional.empty());
    AtomicReference<CatalogNotices> notices = new AtomicReference<>();
    PrintWriter out = spec.commandLine().getOut();
    try (StateWorkspace workspace = git.open(parent.root(), Tokens.from(parent.parent.context().env()))) {
      StateWorkspace.Written written = workspace.write((Path dir) -> {
        CatalogFolder folder = CatalogFolder.of(dir, Optional.ofNullable(options.catalog));
        CatalogTree tree = CatalogTree.read(folder.read());
        Optional<Promotion.Change> change = change(folder, tree);
        notices.set(CatalogNotices.of(folder, tree, component));
        change.ifPresent(c -> folder.write(Map.of(c.path(), c.text())));
        made.set(change);
        return change.map(c -> "catalog: " + c.note() + "\n");
      });
      out.println(made.get().map(c -> c.note() + ": " + GitRepoOptions.where(written, List.of(c.path())))
          .orElse(unchanged()));
      made.get().ifPresent(c -> notices.get().send(Tokens.from(parent.parent.context().env()), spec.name(), component, version, c.note(),
          out, spec.commandLine().getErr()));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** {@code catalog promote}. */
  @Command(
      name = "promote",
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {
        ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE,
        ExitCodes.ROW_INTERNAL_ERROR
      },
      description = {
        "Promote a published version to a domain: index/tags/domain-D.yaml lists it in place of the component's",
        "version there, after the checks of catalog check (its metadata lists the domain, its dependencies are",
        "promoted there in range). Nothing is written when a check fails."
      })
  static final class Promote extends CatalogPromoteCommand {
    @Override
    Optional<Promotion.Change> change(CatalogFolder folder, CatalogTree tree) {
      return Promotion.promote(tree, component, version, domain, folder.settings().requiredLabels());
    }

    @Override
    String unchanged() {
      return component + " " + version + " is already promoted to " + domain + ": nothing to write";
    }
  }

  /** {@code catalog demote}. */
  @Command(
      name = "demote",
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {
        ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE,
        ExitCodes.ROW_INTERNAL_ERROR
      },
      description = {
        "Remove a version from a domain's index/tags/domain-D.yaml, unless a version promoted there depends on it.",
        "Nothing is written when a check fails."
      })
  static final class Demote extends CatalogPromoteCommand {
    @Override
    Optional<Promotion.Change> change(CatalogFolder folder, CatalogTree tree) {
      return Optional.of(Promotion.demote(tree, component, version, domain, folder.settings().requiredLabels()));
    }

    @Override
    String unchanged() {
      return "nothing to write";
    }
  }
}
