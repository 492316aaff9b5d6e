package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The JSON Schemas editors use for images.yaml, settings.yaml and the catalog's files ({@code
 * schemas/} at the repository root), compiled once, and YAML read as editors read it.
 */
public final class EditorSchemas {
  /** The schema of images.yaml, relative to the repository root. */
  public static final Path IMAGES = Path.of("schemas/images.schema.json");
  /** The schema of settings.yaml, relative to the repository root. */
  public static final Path SETTINGS = Path.of("schemas/settings.schema.json");
  /** The schema of the tag policy file, relative to the repository root. */
  public static final Path TAG_POLICY = Path.of("schemas/tag-policy.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
  private final Schema images;
  private final Schema settings;
  private final Schema tagPolicy;
  private final Map<Path, Schema> byFile = new ConcurrentHashMap<>();

  private EditorSchemas() {
    images = registry.getSchema(read(IMAGES));
    settings = registry.getSchema(read(SETTINGS));
    tagPolicy = registry.getSchema(read(TAG_POLICY));
  }

  /** Reads and compiles both schemas. */
  public static EditorSchemas load() {
    return new EditorSchemas();
  }

  /** What the images.yaml schema finds wrong with {@code yaml}; empty when it accepts it. */
  public List<String> imagesErrors(String yaml) {
    return errors(images, yaml);
  }

  /** What the settings.yaml schema finds wrong with {@code yaml}; empty when it accepts it. */
  public List<String> settingsErrors(String yaml) {
    return errors(settings, yaml);
  }

  /** What the tag policy schema finds wrong with {@code yaml}; empty when it accepts it. */
  public List<String> tagPolicyErrors(String yaml) {
    return errors(tagPolicy, yaml);
  }

  /**
   * What the schema in the file {@code schema} (e.g. {@code schemas/catalog-manifest.schema.json})
   * finds wrong with {@code yaml}; empty when it accepts it. Each file is compiled once.
   */
  public List<String> errors(Path schema, String yaml) {
    return errors(byFile.computeIfAbsent(schema.normalize(), file -> registry.getSchema(read(file))), yaml);
  }

  /** What draft-07's meta-schema finds wrong with the schema file {@code schema}. */
  public List<String> metaSchemaErrors(Path schema) {
    return registry.getSchema(SchemaLocation.of(DRAFT_07)).validate(read(schema)).stream()
        .map(Object::toString).toList();
  }

  /**
   * The first document of {@code yaml} as editors read it: YAML 1.2's core schema, where {@code
   * yes} is a string and {@code True} a boolean. Missing when the text holds no document (only
   * comments), which an editor does not validate either.
   */
  public static JsonNode readYaml(String yaml) {
    LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).build();
    Iterator<Object> documents = new Load(settings).loadAllFromString(yaml).iterator();
    if (!documents.hasNext()) {
      return MissingNode.getInstance();
    }
    Object document = documents.next();
    return document == null ? NullNode.getInstance() : JSON.valueToTree(document);
  }

  private static List<String> errors(Schema schema, String yaml) {
    JsonNode document = readYaml(yaml);
    if (document.isMissingNode()) {
      return List.of();
    }
    return schema.validate(document).stream().map(Object::toString).toList();
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
