package io.imagefactory.registry;

import io.imagefactory.image.ImageReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A run of the client that touches every credential path, printing results, errors with stack
 * traces and everything the client logs at trace level: {@link CredentialLeakIT} runs it in a
 * child JVM and searches all of it for secrets.
 *
 * <p>Arguments: the Basic registry, the Bearer registry, a Docker config, a Kargo Secret mount, a
 * directory of credential helpers.
 */
public final class LeakProbe {
  private LeakProbe() {}

  public static void main(String[] args) {
    String basic = args[0];
    String bearer = args[1];
    Map<String, String> env = AuthFixtures.pathWith(Path.of(args[4]));
    CredentialSource docker = CredentialSource.dockerConfig(Path.of(args[2]), env);
    CredentialSource kargo = CredentialSource.kargoSecrets(Path.of(args[3]));
    System.out.println("sources: " + docker + " " + kargo);
    System.out.println("basic: " + docker.find(basic, "acme/app") + " bearer: " + kargo.find(bearer, "acme/app"));
    run(docker, basic + "/acme/app:1.0", true);
    run(docker, bearer + "/acme/multi:2", true);
    run(kargo, bearer + "/acme/app:1.0", true);
    CredentialSource wrong = (r, repo) -> Optional.of(Credential.password("bot", "Wrong-Leak-Pa55", "the probe"));
    run(wrong, basic + "/acme/app:1.0", false);
    run(wrong, bearer + "/acme/app:1.0", false);
    System.out.println("LEAK-PROBE DONE");
  }

  private static void run(CredentialSource credentials, String reference, boolean retag) {
    try (RegistryClient client = RegistryClient.builder().credentials(credentials).build()) {
      ImageReference ref = ImageReference.parse(reference);
      ResolvedImage image = client.resolve(ref);
      System.out.println("resolved: " + image);
      if (retag) {
        System.out.println("retagged: " + client.putManifest(ref.withTag("probe"), client.manifest(ref)));
      }
      System.out.println("requests: " + client.requestCounts());
    } catch (RegistryException e) {
      System.out.println("failed: " + e.oneLine());
      e.printStackTrace(System.out);
    }
  }
}
