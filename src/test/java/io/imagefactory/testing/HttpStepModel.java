package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What Kargo v1.11.2's {@code http} promotion step makes of one HTTP answer, given the step's
 * config: a Java port of the outcome switch of {@code pkg/promotion/runner/builtin/http_requester.go},
 * with an evaluator for the part of expr-lang its success and failure expressions are written in
 * here ({@code response.status}, {@code response.header('Name')}, numbers, strings, lists, {@code
 * == != < <= > >= in}, {@code && || !}, parentheses). An expression outside that part is an error,
 * never a guess.
 */
public final class HttpStepModel {
  /** What the step does with an answer. */
  public enum Outcome {
    /** {@code successExpression} is true: the step succeeds. */
    SUCCEEDED,
    /** {@code failureExpression} is true: the step fails at once, {@code retry} or not. */
    FAILED,
    /** Neither is true: the step is Running and sends the request again until {@code retry.timeout}. */
    RETRIED
  }

  private HttpStepModel() {}

  /** The outcome of an answer with {@code status} and {@code headers} for a step with {@code config}. */
  public static Outcome outcome(JsonNode config, int status, Map<String, String> headers) {
    Boolean success = evaluate(config.path("successExpression").asText(""), status, headers);
    Boolean failure = evaluate(config.path("failureExpression").asText(""), status, headers);
    if (Boolean.TRUE.equals(failure)) {
      return Outcome.FAILED;
    }
    if (Boolean.TRUE.equals(success)) {
      return Outcome.SUCCEEDED;
    }
    if (success == null && failure == null) {
      // Failed, but not terminal: the orchestrator retries it like Running (no 2xx here is a success)
      return status >= 200 && status < 300 ? Outcome.SUCCEEDED : Outcome.RETRIED;
    }
    return Outcome.RETRIED;
  }

  /** The boolean value of {@code expression}, or null when it is empty (not defined). */
  static Boolean evaluate(String expression, int status, Map<String, String> headers) {
    if (expression.isEmpty()) {
      return null;
    }
    Map<String, String> canonical = new TreeMap<>(String.CASE_INSENSITIVE_ORDER); // as Go's http.Header.Get
    canonical.putAll(headers);
    Parser p = new Parser(expression, status, canonical);
    Object value = p.or();
    p.expectEnd();
    if (!(value instanceof Boolean b)) {
      throw new IllegalArgumentException("\"" + expression + "\" is not a boolean but " + value);
    }
    return b;
  }

  /** A recursive-descent evaluator over the tokens of one expression. */
  private static final class Parser {
    private final String s;
    private final int status;
    private final Map<String, String> headers;
    private int i;

    Parser(String s, int status, Map<String, String> headers) {
      this.s = s;
      this.status = status;
      this.headers = headers;
    }

    Object or() {
      Object left = and();
      while (take("||")) {
        boolean right = bool(and());
        left = bool(left) || right;
      }
      return left;
    }

    private Object and() {
      Object left = comparison();
      while (take("&&")) {
        boolean right = bool(comparison());
        left = bool(left) && right;
      }
      return left;
    }

    private Object comparison() {
      Object left = unary();
      for (String op : List.of("==", "!=", "<=", ">=", "<", ">", "in ")) {
        if (take(op)) {
          return compare(left, op.strip(), unary());
        }
      }
      return left;
    }

    private Object unary() {
      if (take("!")) {
        return !bool(unary());
      }
      return primary();
    }

    private Object primary() {
      skip();
      if (take("(")) {
        Object inner = or();
        expect(")");
        return inner;
      }
      if (take("[")) {
        List<Object> items = new ArrayList<>();
        while (!take("]")) {
          items.add(or());
          take(",");
        }
        return items;
      }
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        int end = s.indexOf(c, i + 1);
        String text = s.substring(i + 1, end);
        i = end + 1;
        return text;
      }
      if (Character.isDigit(c)) {
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        return Long.parseLong(s.substring(start, i));
      }
      if (take("response.status")) {
        return (long) status;
      }
      if (take("response.header(")) {
        Object name = or();
        expect(")");
        return headers.getOrDefault((String) name, "");
      }
      throw new IllegalArgumentException("HttpStepModel does not read \"" + s.substring(i) + "\"");
    }

    private static Object compare(Object left, String op, Object right) {
      switch (op) {
        case "==":
          return Objects.equals(left, right);
        case "!=":
          return !Objects.equals(left, right);
        case "in":
          return ((List<?>) right).contains(left);
        default:
          long a = (Long) left;
          long b = (Long) right;
          return op.equals("<") ? a < b : op.equals(">") ? a > b : op.equals("<=") ? a <= b : a >= b;
      }
    }

    private static boolean bool(Object value) {
      if (!(value instanceof Boolean b)) {
        throw new IllegalArgumentException("not a boolean: " + value);
      }
      return b;
    }

    private boolean take(String token) {
      skip();
      if (s.startsWith(token, i)) {
        i += token.length();
        return true;
      }
      return false;
    }

    private void expect(String token) {
      if (!take(token)) {
        throw new IllegalArgumentException("expected " + token + " at " + i + " of \"" + s + "\"");
      }
    }

    void expectEnd() {
      skip();
      if (i != s.length()) {
        throw new IllegalArgumentException("unread \"" + s.substring(i).toLowerCase(Locale.ROOT) + "\"");
      }
    }

    private void skip() {
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
    }
  }
}
