package io.imagefactory.jobs;

import io.imagefactory.InvalidInputException;
import io.imagefactory.analysis.BaseImageFinder;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Provider;
import io.imagefactory.config.Settings;
import io.imagefactory.config.Source;
import io.imagefactory.config.SourceHosts;
import io.imagefactory.config.SourceRepos;
import io.imagefactory.credentials.HostRule;
import io.imagefactory.credentials.TokenVariable;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.git.SourceFetcher;
import io.imagefactory.workspace.TempDirectories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Reads a managed image's Dockerfile from its source repository and finds its base images. */
final class SourceDockerfiles {
  private final Tokens tokens;
  private final BaseImageFinder finder;

  SourceDockerfiles(Tokens tokens, BaseImageFinder finder) {
    this.tokens = tokens;
    this.finder = finder;
  }

  /**
   * The base images of {@code image}'s Dockerfile, at the tip of its branch.
   *
   * @param override what analyze's flags say instead of images.yaml (each field may be null)
   * @param timeout how long the fetch may take (the image's budget)
   */
  BaseImageFinder.Found find(ImageEnrollment image, AnalyzeJob.Request override, Settings settings,
      Duration timeout) {
    Source enrolled = image.source().orElseThrow();
    Provider provider = override.sourceProvider() != null ? override.sourceProvider() : enrolled.provider();
    String repo = override.sourceRepo() != null ? override.sourceRepo() : enrolled.repo();
    String dockerfile = override.dockerfile() != null ? override.dockerfile() : enrolled.dockerfile();
    Source source = enrolled.with(provider, repo, dockerfile);
    SourceHosts.refusal(provider, repo, settings).ifPresent(r -> {
      throw new InvalidInputException(override.sourceRepo() != null ? "--source-repo" : image.name(), r.message(), r.hint());
    });
    String url = SourceRepos.cloneUrl(source, settings.endpoints(provider));
    Path work = TempDirectories.create("image-factory-source-");
    try {
      SourceFetcher.Fetched fetched = SourceFetcher.fetch(url, source.branch(), dockerfile,
          tokens.forSource(provider, settings.endpoints(provider)),
          HostRule.allowingPlainHttpTo(settings.hosts().insecure()), work.resolve("src"), timeout,
          "set " + TokenVariable.of(provider).env() + " (or " + TokenVariable.of(provider).fileEnv()
              + ") to a token that can read " + repo,
          override.dockerfile() != null ? "--dockerfile" : "source.dockerfile in images.yaml");
      Map<String, String> args = new TreeMap<>(enrolled.buildArgs());
      if (!override.all() && override.buildArgs() != null) {
        args.putAll(override.buildArgs());
      }
      return finder.find(fetched.content(), repo + ":" + dockerfile, args);
    } finally {
      TempDirectories.delete(work);
    }
  }
}
