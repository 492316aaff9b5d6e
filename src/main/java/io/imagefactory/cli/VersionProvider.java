package io.imagefactory.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version the build wrote into the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"image-factory " + (version == null ? "(development build)" : version)};
  }
}
