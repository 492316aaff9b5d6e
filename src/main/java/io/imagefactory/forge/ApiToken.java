package io.imagefactory.forge;

import io.imagefactory.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's API token from the environment: {@code GITHUB_TOKEN} or {@code GITLAB_TOKEN}, or
 * the file their {@code _FILE} variable names (a mounted Secret). It never prints itself.
 */
// TODO(issue 7): read through credentials.Tokens once the layout branch brings it; the rule is the same
public final class ApiToken {
  private final String variable;
  private final String value;

  private ApiToken(String variable, String value) {
    this.variable = variable;
    this.value = value;
  }

  /**
   * The token of {@code variable} in {@code env}, if set.
   *
   * @throws InvalidInputException when {@code variable_FILE} names a file that cannot be read
   */
  public static Optional<ApiToken> from(Map<String, String> env, String variable) {
    String direct = env.get(variable);
    if (direct != null && !direct.isBlank()) {
      return Optional.of(new ApiToken(variable, direct.strip()));
    }
    String file = env.get(variable + "_FILE");
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    try {
      String token = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(new ApiToken(variable, token));
    } catch (IOException e) {
      throw new InvalidInputException(variable + "_FILE", "cannot read the token file " + file + ": " + e.getMessage(),
          "mount the Secret there or unset " + variable + "_FILE", e);
    }
  }

  /** The variable it came from, e.g. {@code GITHUB_TOKEN}, for messages. */
  public String variable() {
    return variable;
  }

  String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "ApiToken[from " + variable + "]";
  }
}
