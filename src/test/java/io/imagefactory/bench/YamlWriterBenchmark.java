package io.imagefactory.bench;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.kargo.KargoGenerator;
import io.imagefactory.kargo.Manifest;
import io.imagefactory.yaml.YamlWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Our YAML writer against Jackson's YAML generator on the same manifest trees, in one JVM.
 *
 * <p>Input: the example fleet's documents repeated until there are {@code docs} of them (default
 * 34,000, the size of a 10,000-image fleet). Both writers run warm, several rounds; the medians
 * and their ratio are printed. Jackson is configured as notes/generation.md recommends
 * (minimised quotes, numbers quoted, a YAML 1.1 quoting checker, no line splitting, indented
 * sequences); the benchmark also checks that both outputs read back as the same documents.
 *
 * <p>Run: {@code bench/run YamlWriterBenchmark [docs]}
 */
public final class YamlWriterBenchmark {
  private static final int ROUNDS = 7;

  public static void main(String[] args) throws Exception {
    int docs = args.length > 0 ? Integer.parseInt(args[0]) : 34_000;
    List<Map<String, Object>> trees = trees(docs);
    ObjectWriter jackson = jackson();
    String ours = ours(trees);
    String theirs = jackson(jackson, trees);
    checkSameDocuments(ours, theirs);
    long[] oursNs = new long[ROUNDS];
    long[] jacksonNs = new long[ROUNDS];
    for (int warm = 0; warm < 2; warm++) {
      ours(trees);
      jackson(jackson, trees);
    }
    for (int r = 0; r < ROUNDS; r++) {
      long t0 = System.nanoTime();
      ours(trees);
      oursNs[r] = System.nanoTime() - t0;
      t0 = System.nanoTime();
      jackson(jackson, trees);
      jacksonNs[r] = System.nanoTime() - t0;
    }
    double o = Timings.median(oursNs) / 1e6;
    double j = Timings.median(jacksonNs) / 1e6;
    System.out.printf("documents: %d (%.1f MB of YAML)%n", trees.size(), ours.length() / 1e6);
    System.out.printf("YamlWriter:   median %.0f ms over %d rounds%n", o, ROUNDS);
    System.out.printf("Jackson YAML: median %.0f ms over %d rounds%n", j, ROUNDS);
    System.out.printf("ratio Jackson / YamlWriter: %.1fx%n", j / o);
  }

  private static List<Map<String, Object>> trees(int docs) {
    Checkout.Loaded loaded = new Checkout(Path.of(".")).load();
    List<Manifest> manifests = KargoGenerator.generate(FleetMerger.merge(loaded.inputs()));
    List<Map<String, Object>> trees = new ArrayList<>(docs);
    while (trees.size() < docs) {
      for (Manifest m : manifests) {
        if (trees.size() < docs) {
          trees.add(m.document());
        }
      }
    }
    return trees;
  }

  private static String ours(List<Map<String, Object>> trees) {
    StringBuilder out = new StringBuilder(trees.size() * 1200);
    for (Map<String, Object> t : trees) {
      out.append("---\n");
      YamlWriter.write(t, out);
    }
    return out.toString();
  }

  private static String jackson(ObjectWriter writer, List<Map<String, Object>> trees) throws Exception {
    StringBuilder out = new StringBuilder(trees.size() * 1200);
    for (Map<String, Object> t : trees) {
      out.append("---\n").append(writer.writeValueAsString(t));
    }
    return out.toString();
  }

  /** The checker notes/generation.md found necessary: without it Jackson writes 2022-11-28 bare. */
  static final class Yaml11Checker extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Resolver RESOLVER = new Resolver();

    @Override
    public boolean needToQuoteValue(String v) {
      return super.needToQuoteValue(v) || !Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, v, true));
    }
  }

  private static ObjectWriter jackson() {
    YAMLFactory f = YAMLFactory.builder()
        .stringQuotingChecker(new Yaml11Checker())
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .build();
    return new YAMLMapper(f).writer();
  }

  private static void checkSameDocuments(String a, String b) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions() {{ setCodePointLimit(Integer.MAX_VALUE); }}));
    List<Object> x = new ArrayList<>();
    yaml.loadAll(a).forEach(x::add);
    List<Object> y = new ArrayList<>();
    yaml.loadAll(b).forEach(y::add);
    for (int i = 0; i < x.size(); i++) {
      if (!x.get(i).equals(y.get(i))) {
        throw new IllegalStateException("the writers disagree on document " + i + ":\n" + x.get(i) + "\n" + y.get(i));
      }
    }
  }

}
