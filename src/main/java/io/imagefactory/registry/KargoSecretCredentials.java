package io.imagefactory.registry;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.imagefactory.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kargo's image credential Secrets mounted as files. The matching is Kargo v1.11.2's
 * ({@code pkg/credentials/kubernetes/database.go} and {@code basic/basic.go}): Secrets in name
 * order; a {@code repoURL} matches when it normalises to the image's normalised URL, or, with
 * {@code repoURLIsRegex: "true"}, when the RE2 regex finds a match (unanchored) in the URL as given
 * or normalised; the first match wins, and gives a credential only if it has both a username and a
 * password.
 */
final class KargoSecretCredentials implements CredentialSource {
  private static final Logger log = LoggerFactory.getLogger(KargoSecretCredentials.class);

  /** One mounted Secret; the values are the files' exact bytes, as Kargo reads {@code secret.Data}. */
  private record Secret(String name, String repoUrl, Optional<Pattern> regex, String username, String password) {
    boolean matches(String repoUrl, String normalized) {
      return regex.map(r -> r.matcher(repoUrl).find() || r.matcher(normalized).find())
          .orElseGet(() -> KargoRepoUrls.normalize(this.repoUrl).equals(normalized));
    }

    @Override
    public String toString() {
      return "Secret[" + name + "]";
    }
  }

  private final Path directory;
  private final List<Secret> secrets;

  private KargoSecretCredentials(Path directory, List<Secret> secrets) {
    this.directory = directory;
    this.secrets = List.copyOf(secrets);
  }

  static CredentialSource read(Path directory) {
    List<Secret> secrets = new ArrayList<>();
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path dir : entries.filter(Files::isDirectory).sorted().toList()) {
        // Kubernetes keeps its own "..data" and "..<timestamp>" entries in every mounted volume
        if (!dir.getFileName().toString().startsWith("..")) {
          secret(dir).ifPresent(secrets::add);
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(directory.toString(), "cannot read the Kargo credential Secrets: " + e,
          "mount each Secret as a directory named after it under " + directory);
    }
    return new KargoSecretCredentials(directory, secrets);
  }

  private static Optional<Secret> secret(Path dir) throws IOException {
    String name = dir.getFileName().toString();
    Optional<String> repoUrl = value(dir, "repoURL");
    if (repoUrl.isEmpty()) {
      return Optional.empty();
    }
    Optional<Pattern> regex = Optional.empty();
    if (value(dir, "repoURLIsRegex").orElse("").equals("true")) {
      try {
        regex = Optional.of(Pattern.compile(repoUrl.get()));
      } catch (PatternSyntaxException e) {
        // Kargo logs the Secret and skips it
        log.warn("Kargo credential Secret {} has a repoURL that is not an RE2 regex, so it is skipped: {}",
            name, e.getDescription());
        return Optional.empty();
      }
    }
    return Optional.of(new Secret(name, repoUrl.get(), regex, value(dir, "username").orElse(""),
        value(dir, "password").orElse("")));
  }

  private static Optional<String> value(Path dir, String key) throws IOException {
    try {
      return Optional.of(Files.readString(dir.resolve(key), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<Credential> find(String registry, String repository) {
    String repoUrl = registry + "/" + repository;
    String normalized = KargoRepoUrls.normalize(repoUrl);
    return secrets.stream().filter(s -> s.matches(repoUrl, normalized)).findFirst()
        .filter(s -> !s.username().isEmpty() && !s.password().isEmpty())
        .map(s -> Credential.password(s.username(), s.password(), "Kargo Secret " + s.name() + " in " + directory));
  }

  @Override
  public String toString() {
    return "KargoSecretCredentials[" + directory + ", " + secrets.size() + " Secrets]";
  }
}
