package io.imagefactory.cli;

import io.imagefactory.workspace.AtomicFiles;
import io.imagefactory.image.ImageReference;
import io.imagefactory.pin.ImageField;
import io.imagefactory.pin.ImageFields;
import io.imagefactory.pin.Pinning;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.tagging.RegistryTags;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory pin FILE...}: rewrites {@code image: name:tag} to {@code name:tag@sha256:...} from the live registry. */
@Command(
    name = "pin",
    sortOptions = false,
    description = {
      "Pin the image: values of YAML manifests to the digests their tags have now (name:tag@sha256:...), changing",
      "only those values: comments and formatting stay. Pinned values are left alone, so a second run changes nothing.",
      "With --check, write nothing, list the unpinned values, and exit 1 if there are any."
    })
final class PinCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;
  @Mixin RegistryOptions registry;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "YAML manifests.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--check", description = "List what is unpinned; exit 1 if anything is.")
  boolean check;

  @Option(names = "--verbose", description = "Log what happens and print stack traces of failures.")
  boolean verbose;

  @Override
  public Integer call() {
    Map<Path, String> texts = new LinkedHashMap<>();
    Map<Path, List<ImageField>> fields = new LinkedHashMap<>();
    for (Path file : files) {
      String text = InputFiles.read(file, "a YAML manifest");
      texts.put(file, text);
      fields.put(file, ImageFields.find(text, file.toString()));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (check) {
      int unpinned = 0;
      for (Map.Entry<Path, List<ImageField>> e : fields.entrySet()) {
        for (ImageField f : e.getValue().stream().filter(ImageField::isUnpinned).toList()) {
          out.println(e.getKey() + ":" + f.line() + ":" + f.column() + ": " + f.value() + " is not pinned to a digest");
          unpinned++;
        }
      }
      out.flush();
      return unpinned == 0 ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }
    Map<String, String> digests = digests(fields);
    for (Path file : files) {
      String pinned = Pinning.apply(texts.get(file), fields.get(file), digests);
      fields.get(file).stream().filter(ImageField::isUnpinned).forEach(f -> out.println(file + ":" + f.line() + ":"
          + f.column() + ": " + f.value() + " -> " + f.value() + "@" + digests.get(f.value())));
      if (!pinned.equals(texts.get(file))) {
        AtomicFiles.write(file, pinned);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The digest of every unpinned value, each distinct reference resolved once, concurrently. */
  private Map<String, String> digests(Map<Path, List<ImageField>> fields) {
    Map<String, ImageReference> refs = new TreeMap<>();
    fields.values().forEach(list -> list.stream().filter(ImageField::isUnpinned)
        .forEach(f -> refs.put(f.value(), f.reference().orElseThrow())));
    try (RegistryClient client = registry.client(parent.context())) {
      return RegistryTags.digests(client, refs);
    }
  }
}
