package io.imagefactory.registry;

import io.imagefactory.image.ImageReference;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The distribution API requests image-factory makes, each described as data (OCI distribution spec 1.1). */
final class Requests {
  private static final List<String> ANY = List.of();

  private Requests() {}

  /** GET a manifest or index by tag or digest, with every manifest type in Accept. */
  static RegistryRequest getManifest(ImageReference repo, String reference) {
    return read("manifest", "get the manifest of " + name(repo, reference), "GET", repo,
        "/manifests/" + reference, MediaTypes.MANIFESTS, Set.of(200));
  }

  /** Like {@link #getManifest} but a 404 is an answer: for the referrers tag schema, where no tag means no referrers. */
  static RegistryRequest getManifestIfPresent(ImageReference repo, String reference) {
    return read("referrers", "get the referrers index " + name(repo, reference), "GET", repo,
        "/manifests/" + reference, MediaTypes.MANIFESTS, Set.of(200, 404));
  }

  /** HEAD a manifest: its digest and media type without its bytes. */
  static RegistryRequest headManifest(ImageReference repo, String reference) {
    return read("manifest", "get the digest of " + name(repo, reference), "HEAD", repo,
        "/manifests/" + reference, MediaTypes.MANIFESTS, Set.of(200));
  }

  /** GET a blob (a config), following redirects to the storage that serves it. */
  static RegistryRequest getBlob(ImageReference repo, String digest) {
    return read("blob", "get the blob " + name(repo, digest), "GET", repo, "/blobs/" + digest, ANY, Set.of(200));
  }

  /** The first page of a repository's tags; the registry may page with {@code Link}. */
  static RegistryRequest tags(ImageReference repo) {
    return read("tags", "list the tags of " + repo.repoUrl(), "GET", repo, "/tags/list", ANY, Set.of(200));
  }

  /** The referrers API (OCI 1.1); a 404 means the registry lacks it, and the tag schema applies. */
  static RegistryRequest referrers(ImageReference repo, String digest) {
    return read("referrers", "list the referrers of " + name(repo, digest), "GET", repo, "/referrers/" + digest,
        List.of(MediaTypes.OCI_INDEX), Set.of(200, 404));
  }

  /** HEAD a blob before an upload; 404 means it must be uploaded. */
  static RegistryRequest headBlob(ImageReference repo, String digest) {
    return write("blob", "check for the blob " + name(repo, digest), "HEAD", repo, "/blobs/" + digest,
        Optional.empty(), Set.of(200, 404), Action.PUSH);
  }

  /** Start a monolithic upload: POST, answered with a {@code Location}. */
  static RegistryRequest startUpload(ImageReference repo) {
    return write("upload", "start a blob upload to " + repo.repoUrl(), "POST", repo, "/blobs/uploads/",
        Optional.of(new RegistryRequest.Body("application/octet-stream", new byte[0])), Set.of(202), Action.PUSH);
  }

  /** Finish the upload at {@code location} with all the bytes (distribution ignores a body on the POST). */
  static RegistryRequest finishUpload(ImageReference repo, String location, String digest, byte[] bytes) {
    String target = location + (location.contains("?") ? "&" : "?") + "digest=" + digest;
    return new RegistryRequest("upload", "upload the blob " + name(repo, digest), "PUT", repo.registry(),
        repo.repository(), target, ANY, Action.PUSH,
        Optional.of(new RegistryRequest.Body("application/octet-stream", bytes)), Set.of(201));
  }

  /** PUT a manifest's bytes under a tag or digest: a push, or a retag when the bytes are an existing manifest's. */
  static RegistryRequest putManifest(ImageReference repo, String reference, String mediaType, byte[] bytes) {
    return write("manifest", "put the manifest " + name(repo, reference), "PUT", repo, "/manifests/" + reference,
        Optional.of(new RegistryRequest.Body(mediaType, bytes)), Set.of(201), Action.PUSH);
  }

  /** DELETE a manifest by digest, or a tag where the registry supports it. */
  static RegistryRequest deleteManifest(ImageReference repo, String reference) {
    return write("delete", "delete " + name(repo, reference), "DELETE", repo, "/manifests/" + reference,
        Optional.empty(), Set.of(200, 202), Action.DELETE);
  }

  /** {@code registry/repository:tag} or {@code registry/repository@digest}. */
  static String name(ImageReference repo, String reference) {
    return repo.repoUrl() + (reference.contains(":") ? "@" : ":") + reference;
  }

  private static RegistryRequest read(String operation, String description, String method, ImageReference repo,
      String path, List<String> accept, Set<Integer> expected) {
    return new RegistryRequest(operation, description, method, repo.registry(), repo.repository(),
        "/v2/" + repo.repository() + path, accept, Action.PULL, Optional.empty(), expected);
  }

  private static RegistryRequest write(String operation, String description, String method, ImageReference repo,
      String path, Optional<RegistryRequest.Body> body, Set<Integer> expected, Action action) {
    return new RegistryRequest(operation, description, method, repo.registry(), repo.repository(),
        "/v2/" + repo.repository() + path, ANY, action, body, expected);
  }
}
