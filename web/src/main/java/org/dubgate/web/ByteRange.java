package org.dubgate.web;

import org.dubgate.web.problem.RangeNotSatisfiableException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One byte range of an HTTP {@code Range} header (RFC 9110 § 14), inclusive at both ends. */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    public long length() {
        return last - first + 1;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * Empty when the whole resource should be sent: no header, or a form we do not serve (several
     * ranges, other units), which RFC 9110 allows a server to ignore.
     *
     * @throws RangeNotSatisfiableException when a single range selects nothing
     */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw new RangeNotSatisfiableException(header, size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || last < first) {
                throw new RangeNotSatisfiableException(header, size);
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException tooLong) {
            throw new RangeNotSatisfiableException(header, size);
        }
    }
}
