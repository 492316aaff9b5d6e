package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.Layout;
import io.imagefactory.catalog.CatalogTree;
import io.imagefactory.catalog.DebArchive;
import io.imagefactory.catalog.DebControl;
import io.imagefactory.catalog.Format;
import io.imagefactory.catalog.Location;
import io.imagefactory.catalog.Manifest;
import io.imagefactory.catalog.Publication;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.image.ImageReference;
import io.imagefactory.jobs.CatalogImages;
import io.imagefactory.jobs.CatalogNotices;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.registry.ResolvedImage;
import io.imagefactory.state.ImageState;
import io.imagefactory.workspace.CatalogFolder;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.workspace.FileErrors;
import io.imagefactory.workspace.FleetPipeline;
import io.imagefactory.workspace.PathDisplay;
import io.imagefactory.workspace.StateWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code image-factory catalog publish COMPONENT VERSION --format F ...}: reads the real artifact
 * (the image from its registry, the package's control fields, the file's sha256), then writes the
 * version's manifest.yaml, merges its metadata.yaml and keeps the indexes ({@link Publication}).
 */
@Command(
    name = "publish",
    sortOptions = false,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE,
      ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Publish a version of a component: its <format>/manifest.yaml from the real artifact, its metadata.yaml, and",
      "components.yaml's latest_version by SemVer precedence (never backwards).",
      "docker: --image REF, read from its registry (digest, created time, OCI labels, platforms; base_image from",
      "--base-image, else the image's analysed state, else its org.opencontainers.image.base.name). deb: --file PKG.deb",
      "(its control fields and sha256) with --apt-repository or --url. generic: --file F (its sha256) with --url or",
      "--oci-artifact. The same artifact again changes nothing; other content for a published version is refused."
    })
final class CatalogPublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CatalogCommand parent;
  @Mixin CatalogOptions options;
  @Mixin GitRepoOptions git;
  @Mixin RegistryOptions registry;

  @Parameters(index = "0", paramLabel = "COMPONENT", description = "e.g. cloud/dmp/ms-ingestion.")
  String component;

  @Parameters(index = "1", paramLabel = "VERSION", description = "MAJOR.MINOR.PATCH, e.g. 1.0.4.")
  String version;

  @Option(names = "--format", required = true, paramLabel = "F", description = "docker, deb or generic.")
  String format;

  @Option(names = "--image", paramLabel = "REF", description = "docker: the image, e.g. ghcr.io/acme/app:1.0.4.")
  String image;

  @Option(names = "--base-image", paramLabel = "REF", description = "docker: the image it is built from, if known better.")
  String baseImage;

  @Option(names = "--file", paramLabel = "PATH", description = "deb and generic: the artifact file.")
  Path file;

  @Option(names = "--url", paramLabel = "URL", description = "deb and generic: where the artifact is served.")
  String url;

  @Option(names = "--apt-repository", paramLabel = "'URL DIST COMPONENT'", description = "deb: the apt repository serving it.")
  String aptRepository;

  @Option(names = "--oci-artifact", paramLabel = "REF", description = "generic: the OCI artifact holding it.")
  String ociArtifact;

  @Option(names = "--built-at", paramLabel = "INSTANT", description = "deb and generic: when it was built (default: now).")
  String builtAt;

  @Option(names = "--domain", paramLabel = "D", description = "Add a domain to the version's metadata; repeatable.")
  List<String> domains = new ArrayList<>();

  @Option(names = "--env", paramLabel = "E", description = "Add an environment to the version's metadata; repeatable.")
  List<String> environments = new ArrayList<>();

  @Override
  public Integer call() {
    Format f = Format.fromId(format);
    if (f == null) {
      throw new InvalidInputException("--format", "\"" + format + "\" is not a format", "use docker, deb or generic");
    }
    CliContext context = parent.parent.context();
    Manifest manifest = switch (f) {
      case DOCKER -> docker(context);
      case DEB -> deb(context);
      case GENERIC -> generic(context);
    };
    Publication.Request request = new Publication.Request(component, manifest, domains, environments);
    AtomicReference<Publication.Result> result = new AtomicReference<>();
    AtomicReference<CatalogNotices> notices = new AtomicReference<>();
    PrintWriter out = spec.commandLine().getOut();
    try (StateWorkspace workspace = git.open(parent.root(), Tokens.from(context.env()))) {
      StateWorkspace.Written written = workspace.write(dir -> {
        CatalogFolder folder = CatalogFolder.of(dir, Optional.ofNullable(options.catalog));
        CatalogTree tree = CatalogTree.read(folder.read());
        Publication.Result r = Publication.publish(tree, request, folder.settings().requiredLabels());
        folder.write(r.writes());
        result.set(r);
        notices.set(CatalogNotices.of(folder, tree, component));
        return r.writes().isEmpty() ? Optional.empty() : Optional.of("catalog: " + r.note() + "\n");
      });
      Publication.Result r = result.get();
      out.println(r.note() + (r.writes().isEmpty() ? ""
          : ": " + GitRepoOptions.where(written, List.copyOf(r.writes().keySet()))));
      if (!r.writes().isEmpty()) {
        notices.get().send(Tokens.from(context.env()), "publish", component, version, r.note() + ": " + manifest.location().value(), out,
            spec.commandLine().getErr());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private Manifest docker(CliContext context) {
    String ref = require(image, "--image", "name the image, e.g. --image ghcr.io/acme/app:" + version);
    ImageReference reference = ImageReference.tryParse(ref).orElseThrow(() -> new InvalidInputException("--image",
        "\"" + ref + "\" is not an image reference", "write REGISTRY/REPOSITORY:TAG, e.g. ghcr.io/acme/app:" + version));
    ResolvedImage resolved;
    try (RegistryClient client = registry.client(context)) {
      resolved = client.resolve(reference);
    }
    Optional<String> base = Optional.ofNullable(baseImage).or(() -> analysedBase(reference));
    return CatalogImages.manifest(version, ref, resolved, base, "--image");
  }

  /**
   * The base image the analysis found for the enrolled image {@code reference} names, when the
   * checkout holds the fleet: the image of its last FROM, the stage BuildKit builds by default, in
   * canonical form as the analysis job publishes it ({@code docker.io/library/python:3.12-slim}).
   */
  private Optional<String> analysedBase(ImageReference reference) {
    if (!Files.isRegularFile(parent.root().resolve(Layout.IMAGES_FILE))) {
      return Optional.empty();
    }
    FleetInputs in = FleetPipeline.inputs(new Checkout(parent.root()));
    return in.enrollments().stream()
        .filter(e -> ImageReference.tryParse(e.repoUrl()).map(ImageReference::repoUrl).equals(Optional.of(reference.repoUrl())))
        .findFirst().map(e -> in.images().get(e.name())).map(ImageState::baseImages).filter(b -> !b.isEmpty())
        .map(b -> b.get(b.size() - 1))
        .flatMap(name -> Optional.ofNullable(in.baseImages().get(name)).flatMap(b -> b.reference().fullImage())
            .map(full -> ImageReference.tryParse(full).map(ImageReference::canonical).orElse(full))
            .or(() -> Optional.ofNullable(in.enrollment(name)).map(ImageEnrollment::repoUrl)));
  }

  private Manifest deb(CliContext context) {
    Path pkg = require(file, "--file", "pass the .deb, e.g. --file common-utils_" + version + "-1_all.deb");
    Location location = location(Location.Kind.APT_REPOSITORY, aptRepository, Location.Kind.URL, url,
        "--apt-repository 'https://apt.example.com/debian bookworm main' or --url");
    DebControl control;
    try (InputStream in = Files.newInputStream(pkg)) {
      control = DebArchive.control(in, PathDisplay.of(pkg));
    } catch (IOException e) {
      throw FileErrors.cannot("read", PathDisplay.of(pkg), e);
    }
    return new Manifest(Format.DEB, version, location, sha256(pkg), Optional.of(size(pkg)), CatalogImages.time(builtAt(context)),
        Optional.empty(), List.of(), Optional.of(control), new TreeMap<>(), null);
  }

  private Manifest generic(CliContext context) {
    Path artifact = require(file, "--file", "pass the artifact file, e.g. --file bundle.zip");
    Location location = location(Location.Kind.URL, url, Location.Kind.OCI_ARTIFACT, ociArtifact, "--url or --oci-artifact");
    return new Manifest(Format.GENERIC, version, location, sha256(artifact), Optional.of(size(artifact)),
        CatalogImages.time(builtAt(context)), Optional.empty(), List.of(), Optional.empty(), new TreeMap<>(), null);
  }

  private static Location location(Location.Kind first, String a, Location.Kind second, String b, String hint) {
    if ((a == null) == (b == null)) {
      throw new InvalidInputException("--" + (a == null ? first.field() : second.field()).replace('_', '-'),
          a == null ? "say where the artifact is served" : "give one place the artifact is served, not two",
          "pass one of " + hint);
    }
    return a != null ? new Location(first, a) : new Location(second, b);
  }

  private Instant builtAt(CliContext context) {
    if (builtAt == null) {
      return context.clock().instant();
    }
    try {
      return Instant.parse(builtAt);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("--built-at", "\"" + builtAt + "\" is not an instant",
          "write it in UTC as 2025-06-02T09:30:00Z");
    }
  }

  private static <T> T require(T value, String option, String hint) {
    if (value == null) {
      throw new InvalidInputException(option, "is required for this format", hint);
    }
    return value;
  }

  private static String sha256(Path file) {
    MessageDigest sha = CatalogOnline.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw FileErrors.cannot("read", PathDisplay.of(file), e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw FileErrors.cannot("read", PathDisplay.of(file), e);
    }
  }
}
