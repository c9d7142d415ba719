package org.dubgate.media.script;

import java.time.Duration;
import java.util.Optional;

/** Timestamp grammars of the text formats, parsed strictly (a malformed time is an error, never a guess). */
final class Timecodes {

    private Timecodes() {
    }

    /** A cursor over one line, for the WebVTT timestamp algorithm. */
    static final class Cursor {
        final String s;
        int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        void skipWhitespace() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                pos++;
            }
        }

        String digits() {
            int start = pos;
            while (!atEnd() && peek() >= '0' && peek() <= '9') {
                pos++;
            }
            return s.substring(start, pos);
        }

        boolean consume(char c) {
            if (!atEnd() && peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        boolean consume(String token) {
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        String rest() {
            return s.substring(Math.min(pos, s.length()));
        }
    }

    /**
     * A WebVTT timestamp, {@code [hh:]mm:ss.ttt} (W3C WebVTT § "collect a WebVTT timestamp"): hours
     * when the first field has more than two digits or a third field follows; minutes and seconds
     * two digits below 60; exactly three fraction digits.
     */
    static Optional<Duration> webvtt(Cursor c) {
        String first = c.digits();
        if (first.isEmpty() || first.length() > 18) {
            return Optional.empty();
        }
        boolean hours = first.length() > 2 || Long.parseLong(first) > 59;
        if (!c.consume(':')) {
            return Optional.empty();
        }
        String second = c.digits();
        if (second.length() != 2) {
            return Optional.empty();
        }
        long h;
        long m;
        long s;
        if (hours || (!c.atEnd() && c.peek() == ':')) {
            if (!c.consume(':')) {
                return Optional.empty();
            }
            String third = c.digits();
            if (third.length() != 2) {
                return Optional.empty();
            }
            h = Long.parseLong(first);
            m = Long.parseLong(second);
            s = Long.parseLong(third);
        } else {
            h = 0;
            m = Long.parseLong(first);
            s = Long.parseLong(second);
        }
        if (!c.consume('.')) {
            return Optional.empty();
        }
        String millis = c.digits();
        if (millis.length() != 3 || m > 59 || s > 59) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofHours(h).plusMinutes(m).plusSeconds(s).plusMillis(Long.parseLong(millis)));
    }

    /** An SRT timestamp, {@code hh:mm:ss,mmm} (a '.' before the milliseconds is accepted, as many tools write it). */
    static Optional<Duration> srt(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,3}):(\\d{2}):(\\d{2})[,.](\\d{3})")
                .matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long minutes = Long.parseLong(m.group(2));
        long seconds = Long.parseLong(m.group(3));
        if (minutes > 59 || seconds > 59) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(minutes).plusSeconds(seconds)
                .plusMillis(Long.parseLong(m.group(4))));
    }
}
