package io.imagefactory.registry;

import java.util.List;
import java.util.Objects;

/**
 * The tags of a repository, every page of them.
 *
 * @param repository {@code registry/repository}, e.g. {@code ghcr.io/acme/app}
 * @param tags in the order the registry served them, which is not sorted (distribution 2.8 serves
 *     directory order): sort them as the strategy at hand needs
 * @param pages how many pages ({@code Link: <...>; rel="next"}) the registry served
 */
public record TagList(String repository, List<String> tags, int pages) {
  public TagList {
    Objects.requireNonNull(repository, "repository");
    tags = List.copyOf(tags);
  }
}
