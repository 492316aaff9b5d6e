package io.imagefactory.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the report shows them: in UTC to the minute, and how far from when it was generated. */
final class When {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private When() {}

  /** {@code 2026-11-24 12:00 UTC}. */
  static String utc(Instant at) {
    return MINUTE.format(at);
  }

  /** A {@code <time>} element: the UTC minute, then how long before or after {@code now}. */
  static String element(Instant at, Instant now) {
    return "<time datetime=\"" + at + "\">" + utc(at) + "</time> <span class=\"rel\">("
        + relative(at, now) + ")</span>";
  }

  /** {@code in 3 d 4 h}, {@code 5 h 10 min ago} or {@code now}: the two largest units. */
  static String relative(Instant at, Instant now) {
    Duration d = Duration.between(now, at);
    if (d.abs().toMinutes() == 0) {
      return "now";
    }
    String span = span(d.abs());
    return d.isNegative() ? span + " ago" : "in " + span;
  }

  private static String span(Duration d) {
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    if (days > 0) {
      return days + " d" + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    }
    return minutes + " min";
  }
}
