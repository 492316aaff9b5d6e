package io.imagefactory.jobs;

import io.imagefactory.ImageFactoryException;
import io.imagefactory.analysis.DiscoveredImage;
import io.imagefactory.catalog.CatalogTree;
import io.imagefactory.catalog.Manifest;
import io.imagefactory.catalog.Ownership;
import io.imagefactory.catalog.Publication;
import io.imagefactory.config.CatalogSettings;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.semver.Version;
import io.imagefactory.workspace.CatalogFolder;
import io.imagefactory.workspace.StateWorkspace.Beside;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The analysis job's publication of a build to the artifact catalog ("filled by the fleet"): a
 * managed image naming its component ({@code catalog:} in images.yaml) and analysed for a release
 * tag is published as that version of the component, as {@code catalog publish --format docker}
 * would publish it, with the base image the analysis just found: the catalog's {@code base_image}
 * is the one BuildKit builds from.
 *
 * <p>The image is read from its registry once, by the digest Kargo passed (the build it saw, even
 * if the tag has moved since); the catalog is decided on as each push attempt finds it, so a lost
 * race publishes again on the new head. A version already published with other content (a rebuild
 * pushed under the same tag) stays as it is, with a warning: a published version never changes,
 * and the build's state is recorded all the same.
 */
final class BuildPublication {
  private final String component;
  private final String what;
  private final Manifest manifest;
  private final String skipped;
  private RuntimeException failure;
  private boolean published;
  private CatalogNotices notices;
  private String note;

  private BuildPublication(String component, String what, Manifest manifest, String skipped,
      RuntimeException failure) {
    this.component = component;
    this.what = what;
    this.manifest = manifest;
    this.skipped = skipped;
    this.failure = failure;
  }

  /**
   * What {@code image}'s build {@code tag} ({@code digest}, when Kargo passed it) publishes, read
   * from the registry; empty when the image names no component or no tag was passed.
   *
   * @param builtFrom the image the analysis found the last stage starts from
   * @param registry opens the registry client, only when a build is to be read
   */
  static Optional<BuildPublication> prepare(ImageEnrollment image, Optional<DiscoveredImage> builtFrom, String tag,
      String digest, Supplier<RegistryClient> registry) {
    Optional<String> component = image.catalog().component();
    if (component.isEmpty() || tag == null) {
      return Optional.empty();
    }
    String what = component.get() + " " + tag;
    if (Version.tryParseRelease(tag).isEmpty()) {
      return Optional.of(new BuildPublication(component.get(), what, null, "catalog: " + what + " not published: the tag"
          + " is not a SemVer version (catalog versions are MAJOR.MINOR.PATCH, e.g. 1.4.0 or v1.4.0)", null));
    }
    String reference = image.repoUrl() + ":" + tag;
    try (RegistryClient client = registry.get()) {
      ImageReference read = ImageReference.parse(digest == null ? reference : reference + "@" + digest);
      Manifest m = CatalogImages.manifest(tag, reference, client.resolve(read),
          builtFrom.map(b -> b.reference().canonical()), "image \"" + image.name() + "\"");
      return Optional.of(new BuildPublication(component.get(), what, m, null, null));
    } catch (RuntimeException e) {
      return Optional.of(new BuildPublication(component.get(), what, null, null, e));
    }
  }

  /**
   * Publishes into the catalog of the checkout {@code dir} at {@code path} (settings' catalog.path,
   * or empty for the checkout's own settings), held to {@code settings}' required labels; what it
   * wrote is relative to {@code dir}.
   */
  Beside.Written publish(Path dir, Optional<String> path, CatalogSettings settings) {
    published = false;
    notices = null;
    if (manifest == null) {
      return new Beside.Written(List.of(), List.of(skipped != null ? skipped : notPublished(failure)));
    }
    failure = null;
    CatalogFolder folder = CatalogFolder.of(dir, path);
    try {
      CatalogTree tree = CatalogTree.read(folder.read());
      if (Publication.publishedAs(tree, request()).equals(Optional.of(false))) {
        return new Beside.Written(List.of(), List.of("catalog: warning: " + what + " is published already, as"
            + " another image: this build (sha256:" + manifest.sha256() + ") is not; a published version never"
            + " changes, so publish a rebuild under a new version tag"));
      }
      Publication.Result r = Publication.publish(tree, request(), settings.requiredLabels());
      folder.write(r.writes());
      published = !r.writes().isEmpty();
      notices = new CatalogNotices(settings, tree.ownerOf(component).map(Ownership::slackChannel));
      note = r.note();
      List<String> files = new ArrayList<>();
      r.writes().keySet().forEach(p -> files.add(tree.files().display(p)));
      return new Beside.Written(files, List.of("catalog: " + r.note()));
    } catch (ImageFactoryException e) {
      failure = e;
      return new Beside.Written(List.of(), List.of(notPublished(e)));
    }
  }

  private Publication.Request request() {
    return new Publication.Request(component, manifest, List.of(), List.of());
  }

  private String notPublished(RuntimeException e) {
    String why = e instanceof ImageFactoryException f ? f.oneLine() : String.valueOf(e.getMessage());
    return "catalog: " + what + " not published: " + why;
  }

  /**
   * Tells the component's owners, when the last {@link #publish} wrote the version (after it was
   * pushed: a notice of a version that lost its race would announce nothing).
   */
  void notifyOwners(Tokens tokens, PrintWriter out, PrintWriter err) {
    if (published) {
      notices.send(tokens, "publish", component, manifest.version(), note + ": " + manifest.location().value(), out,
          err);
    }
  }

  /** Why the build could not be published (the registry, the catalog), if it could not. */
  Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }
}
