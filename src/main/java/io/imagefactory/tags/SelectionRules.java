package io.imagefactory.tags;

import io.imagefactory.ImageFactoryException;
import io.imagefactory.TerminalText;
import io.imagefactory.semver.Constraints;
import io.imagefactory.semver.InvalidConstraintException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A subscription compiled as Kargo v1.11.2 builds its selector (the {@code new*Selector}
 * functions): platform first, then allow and ignore regexes, then the SemVer constraint. A
 * failure here is a failure of the Warehouse's discovery, with Kargo's words.
 *
 * @param limit the discovery limit; 0 for none (only Kargo's unit tests, which bypass the webhook)
 */
record SelectionRules(
    SelectionStrategy strategy,
    Optional<Constraints> constraint,
    String followedTag,
    List<GoRegex> allow,
    List<GoRegex> ignore,
    boolean strict,
    Optional<Platform> platform,
    int limit) {

  /** A setting Kargo's selector refuses; the message is Kargo's discovery error. */
  static final class Invalid extends ImageFactoryException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, "");
    }
  }

  static SelectionRules of(ImageSubscription s) {
    return of(s.strategy(), s.constraint().orElse(""), s.allowTagsRegexes(), s.ignoreTagsRegexes(),
        s.strictSemvers(), s.platform().orElse(""), s.discoveryLimit());
  }

  /**
   * Compiles the settings of a subscription; empty strings stand for unset.
   *
   * @throws Invalid with Kargo's error when its selector could not be built
   */
  static SelectionRules of(SelectionStrategy strategy, String constraint, List<String> allow, List<String> ignore,
      boolean strict, String platform, int limit) {
    Optional<Platform> p = platform(platform);
    if (strategy == SelectionStrategy.DIGEST) {
      if (constraint.isEmpty()) {
        throw new Invalid("constraint must be set when imageSelectionStrategy is Digest: it names the tag to follow");
      }
      return new SelectionRules(strategy, Optional.empty(), constraint, List.of(), List.of(), false, p, 1);
    }
    List<GoRegex> allowed = compile(allow, "allow tags regex");
    List<GoRegex> ignored = compile(ignore, "ignore tags regex");
    Optional<Constraints> c = strategy == SelectionStrategy.SEMVER && !constraint.isEmpty()
        ? Optional.of(constraints(constraint)) : Optional.empty();
    return new SelectionRules(strategy, c, "", allowed, ignored, strict, p, limit);
  }

  private static Optional<Platform> platform(String text) {
    if (text.isEmpty()) {
      return Optional.empty(); // unset: Kargo filters nothing
    }
    try {
      return Optional.of(Platform.parse(text));
    } catch (ImageFactoryException e) {
      throw new Invalid("error building base selector: " + e.getMessage());
    }
  }

  private static List<GoRegex> compile(List<String> regexes, String what) {
    List<GoRegex> out = new ArrayList<>();
    for (String re : regexes) {
      try {
        out.add(GoRegex.compile(re));
      } catch (InvalidTagRegexException e) {
        throw new Invalid("error building tag based selector: error compiling " + what
            + ": error compiling regular expression " + TerminalText.quote(re) + ": " + e.reason());
      }
    }
    return List.copyOf(out);
  }

  private static Constraints constraints(String text) {
    try {
      return Constraints.parse(text);
    } catch (InvalidConstraintException e) {
      throw new Invalid("error parsing semver constraint " + TerminalText.quote(text) + ": " + e.reason());
    }
  }
}
