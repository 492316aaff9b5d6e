package io.imagefactory.config;

import io.imagefactory.image.ImageReference;
import io.imagefactory.yaml.MapReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads settings.yaml's {@code registries:}: insecure registries, mirrors, credential Secrets. */
final class RegistriesReader {
  static final List<String> FIELDS = List.of("insecure", "mirrors", "credentialSecrets");
  // A mirror is a host[:port], or a scheme and host without a path, as RegistryClient takes it.
  private static final Pattern MIRROR = Pattern.compile("(https?://)?[^\\s/]+");

  private RegistriesReader() {}

  /** The settings of {@code r}, or none when the section is absent. */
  static Settings.Registries read(MapReader r) {
    if (r == null) {
      return Settings.Registries.NONE;
    }
    r.rejectUnknownFields(FIELDS, "registries");
    List<String> insecure = new ArrayList<>();
    for (String host : r.stringList("insecure")) {
      if (!ImageReference.isValidRegistry(host)) {
        r.error("insecure", "insecure registry \"" + host + "\" is not a registry host",
            "write host[:port] as image references name it, e.g. registry.internal:5000");
      } else {
        insecure.add(host);
      }
    }
    return new Settings.Registries(insecure, mirrors(r), secrets(r));
  }

  private static Map<String, String> mirrors(MapReader r) {
    Map<String, String> mirrors = new TreeMap<>();
    for (Map.Entry<String, String> e : r.stringMap("mirrors").entrySet()) {
      if (!ImageReference.isValidRegistry(e.getKey())) {
        r.error("mirrors", "mirrors names \"" + e.getKey() + "\", which is not a registry host",
            "key each mirror by the registry it stands in for, e.g. docker.io");
      } else if (!MIRROR.matcher(e.getValue()).matches()) {
        r.error("mirrors", "mirror \"" + e.getValue() + "\" of " + e.getKey() + " is not a host or a URL without a path",
            "write e.g. https://mirror.gcr.io or mirror.internal:5000");
      } else {
        mirrors.put(e.getKey(), e.getValue());
      }
    }
    return mirrors;
  }

  private static List<String> secrets(MapReader r) {
    List<String> secrets = new ArrayList<>();
    for (String name : r.stringList("credentialSecrets")) {
      if (!DnsLabel.isValid(name) && !name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
        r.error("credentialSecrets", "\"" + name + "\" is not a Secret name",
            "name a Secret of the Project's namespace labelled kargo.akuity.io/cred-type: image");
      } else {
        secrets.add(name);
      }
    }
    return secrets;
  }
}
