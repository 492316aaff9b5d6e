package io.imagefactory.registry;

import io.imagefactory.credentials.HostRule;
import com.fasterxml.jackson.databind.JsonNode;
import io.imagefactory.image.ImageReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Lists that a registry serves in pages: tags, and referrers (from the API, or the tag schema where it is missing). */
final class Listings {
  /** A registry that pages forever is broken; stop well after any real repository ends. */
  static final int MAX_PAGES = 10_000;

  private final RegistryCaller caller;

  Listings(RegistryCaller caller) {
    this.caller = caller;
  }

  /** Every tag of {@code repo}, following {@code Link: <...>; rel="next"} to the last page. */
  CompletableFuture<TagList> tags(ImageReference repo) {
    List<String> tags = new ArrayList<>();
    return pages(Requests.tags(repo), new HashSet<>(), (request, json) -> {
      JsonNode list = json.path("tags");
      if (!list.isArray() && !list.isNull() && !list.isMissingNode()) {
        throw RegistryErrors.invalidResponse(request, "\"tags\" is not a list", null);
      }
      list.forEach(tag -> tags.add(tag.asText()));
    }).thenApply(pages -> new TagList(repo.repoUrl(), tags, pages));
  }

  /** The manifests whose {@code subject} is {@code digest}, optionally only those of {@code artifactType}. */
  CompletableFuture<Referrers> referrers(ImageReference repo, String digest, Optional<String> artifactType) {
    // filtered here, since a registry may ignore ?artifactType=
    RegistryRequest api = Requests.referrers(repo, digest);
    return caller.call(api).thenCompose(first -> {
      if (first.status() == 404) {
        return fromTagSchema(repo, digest, artifactType);
      }
      List<Descriptor> found = new ArrayList<>();
      Set<String> seen = new HashSet<>(Set.of(api.target()));
      collectReferrers(api, first, found);
      return next(api, first, seen).map(nextRequest -> pages(nextRequest, seen, (request, json) ->
              found.addAll(Json.descriptors(json.get("manifests")))))
          .orElse(CompletableFuture.completedFuture(1))
          .thenApply(pages -> new Referrers(digest, filter(found, artifactType), Referrers.Source.REFERRERS_API));
    });
  }

  private CompletableFuture<Referrers> fromTagSchema(ImageReference repo, String digest, Optional<String> artifactType) {
    RegistryRequest request = Requests.getManifestIfPresent(repo, digest.replace(':', '-'));
    return caller.call(request).thenApply(response -> {
      List<Descriptor> found = response.status() == 404 ? List.of()
          : ContentReader.checked(request, digest.replace(':', '-'), response).manifests();
      return new Referrers(digest, filter(found, artifactType), Referrers.Source.TAG_SCHEMA);
    });
  }

  private static void collectReferrers(RegistryRequest request, RegistryResponse response, List<Descriptor> found) {
    try {
      found.addAll(Json.descriptors(Json.read(response.body()).get("manifests")));
    } catch (IllegalArgumentException e) {
      throw RegistryErrors.invalidResponse(request, "the referrers answer is not an index: " + e.getMessage(), e);
    }
  }

  private static List<Descriptor> filter(List<Descriptor> found, Optional<String> artifactType) {
    return found.stream().filter(d -> artifactType.isEmpty() || artifactType.equals(d.artifactType())).toList();
  }

  /** Reads pages from {@code request} on; completes with how many there were. */
  private CompletableFuture<Integer> pages(RegistryRequest request, Set<String> seen, PageReader page) {
    seen.add(request.target());
    return caller.call(request).thenCompose(response -> {
      try {
        page.read(request, Json.read(response.body()));
      } catch (IllegalArgumentException e) {
        throw RegistryErrors.invalidResponse(request, "a page is not JSON: " + e.getMessage(), e);
      }
      Optional<RegistryRequest> next = next(request, response, seen);
      return next.isEmpty() ? CompletableFuture.completedFuture(1)
          : pages(next.get(), seen, page).thenApply(more -> more + 1);
    });
  }

  /** The request for the next page, if the answer links one; a link to another host, or back, is refused. */
  private static Optional<RegistryRequest> next(RegistryRequest request, RegistryResponse response, Set<String> seen) {
    Optional<URI> next = LinkHeader.next(response.uri(), response.headers().allValues("Link"));
    if (next.isEmpty()) {
      return Optional.empty();
    }
    if (!HostRule.sameOrigin(next.get(), response.uri())) {
      throw RegistryErrors.invalidResponse(request, "the next page is on another host ("
          + Transport.origin(next.get()) + ")", null);
    }
    String target = next.get().getRawPath() + (next.get().getRawQuery() == null ? "" : "?" + next.get().getRawQuery());
    if (seen.contains(target) || seen.size() >= MAX_PAGES) {
      throw RegistryErrors.invalidResponse(request, "the pages do not end (page " + (seen.size() + 1) + " links "
          + target + ")", null);
    }
    seen.add(target);
    return Optional.of(request.withTarget(target));
  }

  @FunctionalInterface
  private interface PageReader {
    void read(RegistryRequest request, JsonNode page);
  }
}
