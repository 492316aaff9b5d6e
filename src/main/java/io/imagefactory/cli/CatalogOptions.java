package io.imagefactory.cli;

import io.imagefactory.workspace.CatalogFolder;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which folder of the checkout is the catalog, when settings.yaml is not to be asked. */
final class CatalogOptions {
  @Option(names = "--catalog", paramLabel = "PATH",
      description = "The catalog's folder in the checkout (default: settings.yaml's catalog.path, else catalog).")
  String catalog;

  CatalogFolder folder(Path root) {
    return CatalogFolder.of(root, Optional.ofNullable(catalog));
  }
}
