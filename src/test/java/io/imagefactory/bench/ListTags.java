package io.imagefactory.bench;

import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.RegistryClient;

/**
 * The baseline of {@link TagPlanBenchmark}: a JVM that makes a registry client and lists a
 * repository's tags, the least any registry command does. Run by the benchmark as a child.
 */
public final class ListTags {
  private ListTags() {}

  public static void main(String[] args) {
    try (RegistryClient client = RegistryClient.builder().build()) {
      System.out.println(client.tags(ImageReference.parse(args[0])).tags().size());
    }
  }
}
