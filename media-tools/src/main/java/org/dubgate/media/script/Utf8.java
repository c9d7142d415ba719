package org.dubgate.media.script;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 (RFC 3629): text that is not UTF-8 is refused, never "repaired" with U+FFFD, and the
 * refusal names the first invalid sequence by its byte offset and line. Java's own decoders either
 * replace silently or report only "Input length = 1"; this one checks bytes as they pass, so a
 * request body can be checked while a parser reads it, in constant memory.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** Bytes that are not UTF-8: where the first invalid sequence starts, and what it is. */
    public static final class InvalidUtf8Exception extends IOException {
        private final long byteOffset;
        private final int line;
        private final String detail;

        InvalidUtf8Exception(long byteOffset, int line, String detail) {
            super("line " + line + ": not UTF-8: " + detail);
            this.byteOffset = byteOffset;
            this.line = line;
            this.detail = detail;
        }

        /** Offset of the first byte of the invalid sequence, from 0. */
        public long byteOffset() {
            return byteOffset;
        }

        /** The line it is on, from 1 (CRLF, CR or LF end a line). */
        public int line() {
            return line;
        }

        /** What is wrong, without the line. */
        public String detail() {
            return detail;
        }
    }

    /** The text, or the first invalid sequence. */
    public static String decode(byte[] bytes) throws InvalidUtf8Exception {
        Validator v = new Validator();
        v.update(bytes, 0, bytes.length);
        v.finish();
        return new String(bytes, StandardCharsets.UTF_8); // exact: every sequence is valid
    }

    /** Passes the bytes through unchanged; a read fails with {@link InvalidUtf8Exception} at the first invalid sequence. */
    public static InputStream checking(InputStream in) {
        return new CheckingStream(in);
    }

    private static final class CheckingStream extends FilterInputStream {
        private final Validator validator = new Validator();
        private boolean finished;

        CheckingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                validator.update(b, off, n);
            } else if (n < 0 && !finished) {
                finished = true;
                validator.finish();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped bytes are checked too: read them
            byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** RFC 3629's table of well-formed sequences (no overlong forms, no surrogates, nothing past U+10FFFF). */
    private static final class Validator {
        private long offset;
        private int line = 1;
        private boolean afterCr;
        private int needed;
        private int lower = 0x80;
        private int upper = 0xBF;
        private long sequenceStart;
        private int sequenceLine;
        private final int[] sequence = new int[4];
        private int sequenceLength;

        void update(byte[] bytes, int off, int len) throws InvalidUtf8Exception {
            for (int i = off; i < off + len; i++) {
                int b = bytes[i] & 0xFF;
                if (needed > 0) {
                    if (b < lower || b > upper) {
                        throw invalid();
                    }
                    sequence[sequenceLength++] = b;
                    lower = 0x80;
                    upper = 0xBF;
                    needed--;
                } else {
                    lead(b);
                }
                offset++;
            }
        }

        private void lead(int b) throws InvalidUtf8Exception {
            sequenceStart = offset;
            sequenceLine = line;
            sequence[0] = b;
            sequenceLength = 1;
            if (b < 0x80) {
                if (b == '\n' && !afterCr || b == '\r') {
                    line++;
                }
                afterCr = b == '\r';
                return;
            }
            afterCr = false;
            if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
            } else if (b == 0xE0) {
                needed = 2;
                lower = 0xA0;
            } else if (b >= 0xE1 && b <= 0xEF) {
                needed = 2;
                if (b == 0xED) {
                    upper = 0x9F; // U+D800..U+DFFF are surrogates, not characters
                }
            } else if (b == 0xF0) {
                needed = 3;
                lower = 0x90;
            } else if (b >= 0xF1 && b <= 0xF3) {
                needed = 3;
            } else if (b == 0xF4) {
                needed = 3;
                upper = 0x8F;
            } else if (offset == 0 && (b == 0xFF || b == 0xFE)) {
                throw new InvalidUtf8Exception(0, 1, "the file starts with a UTF-16 byte order mark; save it as UTF-8");
            } else {
                throw invalid();
            }
        }

        void finish() throws InvalidUtf8Exception {
            if (needed > 0) {
                throw new InvalidUtf8Exception(sequenceStart, sequenceLine, "invalid byte sequence " + hex()
                        + " at byte " + sequenceStart + " (cut off by the end of the text)");
            }
        }

        private InvalidUtf8Exception invalid() {
            return new InvalidUtf8Exception(sequenceStart, sequenceLine, "invalid byte sequence " + hex() + " at byte "
                    + sequenceStart);
        }

        private String hex() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < sequenceLength; i++) {
                s.append(i == 0 ? "" : " ").append(String.format("0x%02X", sequence[i]));
            }
            return s.toString();
        }
    }
}
