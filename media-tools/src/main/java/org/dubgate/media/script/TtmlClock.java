package org.dubgate.media.script;

import org.xml.sax.Attributes;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TTML time expressions (TTML2 § 10.3.1: clock time {@code hh:mm:ss.fraction} or
 * {@code hh:mm:ss:frames.subframes}, and offset time {@code 1.5s}, {@code 40f}, {@code 9000t}...)
 * read with the document's timing parameters from {@code <tt>}: frame rate and its multiplier,
 * sub-frame rate and tick rate, with the defaults the specification gives.
 */
record TtmlClock(double frameRate, double subFrameRate, double tickRate) {

    private static final Pattern CLOCK = Pattern.compile("(\\d{2,}):(\\d{2}):(\\d{2})(?:(\\.\\d+)|:(\\d{2,})(?:\\.(\\d+))?)?");
    private static final Pattern OFFSET = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|f|t)");

    /** The parameters on a {@code <tt>} element. */
    static TtmlClock of(Attributes tt) {
        double frameRate = number(tt.getValue(TtmlParser.TTP, "frameRate"), 30);
        String multiplier = tt.getValue(TtmlParser.TTP, "frameRateMultiplier");
        if (multiplier != null) {
            String[] nd = multiplier.strip().split("\\s+");
            if (nd.length == 2) {
                frameRate = frameRate * number(nd[0], 1) / number(nd[1], 1);
            }
        }
        double subFrameRate = number(tt.getValue(TtmlParser.TTP, "subFrameRate"), 1);
        double tickRate = number(tt.getValue(TtmlParser.TTP, "tickRate"),
                tt.getValue(TtmlParser.TTP, "frameRate") != null ? frameRate * subFrameRate : 1);
        return new TtmlClock(frameRate, subFrameRate, tickRate);
    }

    /** The defaults: 30 frames a second, one sub-frame, one tick a second. */
    static TtmlClock defaults() {
        return new TtmlClock(30, 1, 1);
    }

    /** The time {@code value} says, or empty when it is not a time expression. */
    Optional<Duration> parse(String value) {
        String v = value.strip();
        Matcher clock = CLOCK.matcher(v);
        if (clock.matches()) {
            Duration d = Duration.ofHours(Long.parseLong(clock.group(1))).plusMinutes(Long.parseLong(clock.group(2)))
                    .plusSeconds(Long.parseLong(clock.group(3)));
            if (clock.group(4) != null) {
                d = d.plusNanos(Math.round(Double.parseDouble("0" + clock.group(4)) * 1e9));
            }
            if (clock.group(5) != null) {
                double frames = Long.parseLong(clock.group(5))
                        + (clock.group(6) == null ? 0 : Double.parseDouble("0." + clock.group(6)) / subFrameRate);
                d = d.plusNanos(Math.round(frames / frameRate * 1e9));
            }
            return Optional.of(d);
        }
        Matcher offset = OFFSET.matcher(v);
        if (offset.matches()) {
            double n = Double.parseDouble(offset.group(1));
            double seconds = switch (offset.group(2)) {
                case "h" -> n * 3600;
                case "m" -> n * 60;
                case "s" -> n;
                case "ms" -> n / 1000;
                case "f" -> n / frameRate;
                default -> n / tickRate;
            };
            return Optional.of(Duration.ofNanos(Math.round(seconds * 1e9)));
        }
        return Optional.empty();
    }

    private static double number(String s, double otherwise) {
        try {
            return s == null ? otherwise : Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
