package io.imagefactory.registry;

import io.imagefactory.image.ImageReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of OCI distribution registries (and Docker Hub), on {@code java.net.http}: resolves
 * references to digests, platforms, configs and sizes; lists tags and referrers; puts and deletes
 * manifests; uploads blobs.
 *
 * <p>It authenticates as Docker does (anonymous, Basic, or Bearer tokens cached per repository and
 * action) with credentials from a {@link CredentialSource}, which it sends only to their registry,
 * over HTTPS or to loopback. It checks every manifest and blob against its digest, retries 5xx, 429
 * and lost connections with backoff, keeps a bounded number of requests in flight per host, and
 * caches content by digest for its lifetime. Every failure is a {@link RegistryException} that
 * says what was tried, where, and what to check.
 *
 * <p>One client serves many concurrent requests on a few threads; close it when done. The
 * {@code ...Async} methods never block; the others wait for the answer.
 */
public final class RegistryClient implements AutoCloseable {
  private final ExecutorService executor;
  private final Transport transport;
  private final ContentReader reader;
  private final ImageResolver resolver;
  private final Listings listings;
  private final Writes writes;

  private RegistryClient(Builder b) {
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(b.threads, r -> {
      Thread t = new Thread(r, "registry-client-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    HttpClient http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor).build();
    this.transport = new Transport(http, b.requestTimeout, b.maxRequestsPerHost, executor);
    Authenticator authenticator = new Authenticator(transport, b.credentials, b.clock, executor);
    RegistryCaller caller = new RegistryCaller(transport, authenticator, new Endpoints(b.insecure, b.mirrors), b.retry,
        b.clock, executor);
    this.reader = new ContentReader(caller);
    this.resolver = new ImageResolver(reader);
    this.listings = new Listings(caller);
    this.writes = new Writes(caller);
  }

  /** A builder with the defaults: anonymous, 10 s to connect, 30 s per request, 4 attempts, 8 requests per host. */
  public static Builder builder() {
    return new Builder();
  }

  /** What {@code reference} points at: digest, media type, platforms with config, size and layers, attestations. */
  public CompletableFuture<ResolvedImage> resolveAsync(ImageReference reference) {
    return resolver.resolve(reference);
  }

  /** {@link #resolveAsync}, waiting for the answer. */
  public ResolvedImage resolve(ImageReference reference) {
    return await(resolveAsync(reference));
  }

  /** The digest {@code reference}'s tag (or digest) points at now, from a HEAD request. */
  public CompletableFuture<String> digestAsync(ImageReference reference) {
    return reader.digest(reference, reference.digest() != null ? reference.digest() : reference.tag());
  }

  /** {@link #digestAsync}, waiting for the answer. */
  public String digest(ImageReference reference) {
    return await(digestAsync(reference));
  }

  /**
   * The manifest or index {@code reference} points at, as served and checked against its digest:
   * children, subject, artifact type and annotations, and the bytes for a retag.
   */
  public CompletableFuture<Manifest> manifestAsync(ImageReference reference) {
    return reader.manifest(reference, reference.digest() != null ? reference.digest() : reference.tag());
  }

  /** {@link #manifestAsync}, waiting for the answer. */
  public Manifest manifest(ImageReference reference) {
    return await(manifestAsync(reference));
  }

  /** The blob {@code digest} of {@code repository}'s repository (its tag is ignored), checked against the digest. */
  public byte[] blob(ImageReference repository, String digest) {
    return await(reader.blob(repository, digest)).clone();
  }

  /** Every tag of {@code repository}'s repository (its tag is ignored), all pages. */
  public CompletableFuture<TagList> tagsAsync(ImageReference repository) {
    return listings.tags(repository);
  }

  /** {@link #tagsAsync}, waiting for the answer. */
  public TagList tags(ImageReference repository) {
    return await(tagsAsync(repository));
  }

  /**
   * The referrers of {@code subject} (which must carry a digest): from the referrers API, or from
   * the {@code sha256-<hex>} tag where the registry lacks it; only those of {@code artifactType} if given.
   */
  public Referrers referrers(ImageReference subject, Optional<String> artifactType) {
    if (subject.digest() == null) {
      throw new IllegalArgumentException("referrers are listed by digest; " + subject + " has none");
    }
    return await(listings.referrers(subject, subject.digest(), artifactType));
  }

  /**
   * Stores {@code bytes} as a manifest of type {@code mediaType} under {@code target}'s tag (or
   * digest), and returns its digest. Given the bytes of an existing manifest, this is a retag: the
   * registry has every blob, and nothing is pulled.
   */
  public String putManifest(ImageReference target, String mediaType, byte[] bytes) {
    String reference = target.tag() != null && !target.tagImplicit() ? target.tag() : target.digest();
    Objects.requireNonNull(reference, "a manifest is stored under a tag or a digest");
    return await(writes.putManifest(target, reference, mediaType, bytes));
  }

  /** Stores {@code manifest} (read with {@link #manifest}) under {@code target}'s tag: a retag. */
  public String putManifest(ImageReference target, Manifest manifest) {
    return putManifest(target, manifest.mediaType(), manifest.bytes());
  }

  /** Deletes the manifest {@code reference}'s digest names: every tag on it goes too. */
  public void deleteManifest(ImageReference reference) {
    if (reference.digest() == null) {
      throw new IllegalArgumentException("a manifest is deleted by digest; " + reference + " has none");
    }
    await(writes.delete(reference, reference.digest()));
  }

  /**
   * Deletes the tag alone (OCI distribution 1.1). Registries that delete by digest only answer with
   * a {@link RegistryException} of {@link RegistryException.Failure#UNSUPPORTED}.
   */
  public void deleteTag(ImageReference reference) {
    if (reference.tag() == null || reference.tagImplicit()) {
      throw new IllegalArgumentException("deleteTag needs an explicit tag; " + reference + " has none");
    }
    await(writes.delete(reference, reference.tag()));
  }

  /** Uploads {@code bytes} to {@code repository}'s repository unless it has them; returns their digest. */
  public String pushBlob(ImageReference repository, byte[] bytes) {
    return await(writes.pushBlob(repository, bytes.clone()));
  }

  /** The HTTP requests sent so far, per operation. */
  public RequestCounts requestCounts() {
    return transport.counts();
  }

  /** Stops the client's threads; wait for the requests in flight first, since they are abandoned. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = RegistryCaller.unwrap(e);
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  /** How a client connects, authenticates, retries and limits itself. */
  public static final class Builder {
    private CredentialSource credentials = CredentialSource.none();
    private final Set<String> insecure = new HashSet<>();
    private final Map<String, URI> mirrors = new LinkedHashMap<>();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private int maxRequestsPerHost = 8;
    private int threads = 4;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Where credentials come from; anonymous by default. */
    public Builder credentials(CredentialSource source) {
      this.credentials = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Registries ({@code host[:port]} as references name them) reached over plain HTTP. Credentials
     * never go to them unless they are loopback, which is plain HTTP anyway.
     */
    public Builder insecureRegistries(Collection<String> registries) {
      insecure.addAll(registries);
      return this;
    }

    /**
     * Reads for {@code registry} ({@code docker.io}, {@code ghcr.io}) go to {@code mirror} first
     * ({@code https://mirror.example.com} or {@code host[:port]}), and to the registry when the
     * mirror fails. The mirror gets its own credentials, looked up by its {@code host[:port]}.
     *
     * @throws IllegalArgumentException when {@code mirror} is not a scheme and host without a path
     */
    public Builder mirror(String registry, String mirror) {
      mirrors.put(registry, Endpoints.mirror(mirror, insecure));
      return this;
    }

    /** How long to wait for a TCP (and TLS) connection. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** How long one request may take, from sending to the last byte of the answer. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * How often to send a request that meets 5xx, 429 or a lost connection ({@code maxAttempts},
     * the first included), the backoff's first and largest ceilings, and the longest {@code
     * Retry-After} to honour.
     */
    public Builder retries(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
      this.retry = new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxRetryAfter);
      return this;
    }

    /** At most this many requests in flight to one host; more wait their turn. */
    public Builder maxRequestsPerHost(int max) {
      this.maxRequestsPerHost = max;
      return this;
    }

    /** The threads that run the client's callbacks; requests wait on none of them. */
    public Builder threads(int count) {
      this.threads = count;
      return this;
    }

    /** The clock token lifetimes and {@code Retry-After} dates are read against. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A client with these settings; it starts its threads now. */
    public RegistryClient build() {
      return new RegistryClient(this);
    }
  }
}
