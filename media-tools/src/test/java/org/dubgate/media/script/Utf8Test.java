package org.dubgate.media.script;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** Strict UTF-8: the first invalid sequence is named by its byte offset and line, in one go or streamed. */
class Utf8Test {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void validTextDecodesExactly() throws Exception {
        String text = "WEBVTT\r\n\r\nCafé, ¿qué tal? \uD83C\uDFAC — ünïcödé\n";
        assertEquals(text, Utf8.decode(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void latin1ByteIsNamedByOffsetAndLine() {
        byte[] file = concat("1\n00:00:01,000 --> 00:00:02,000\ncaf", bytes(0xE9), "\n");
        Utf8.InvalidUtf8Exception e = assertThrows(Utf8.InvalidUtf8Exception.class, () -> Utf8.decode(file));
        assertEquals(35, e.byteOffset());
        assertEquals(3, e.line());
        assertEquals("line 3: not UTF-8: invalid byte sequence 0xE9 at byte 35", e.getMessage());
    }

    @Test
    void everyKindOfBrokenSequenceIsCaught() {
        byte[][] broken = {
                bytes(0x80),                    // a continuation byte with no lead
                bytes(0xC3),                    // a lead byte cut off by the end of the input
                bytes(0xC3, 0x28),              // a lead byte followed by no continuation
                bytes(0xC0, 0xAF),              // overlong "/"
                bytes(0xE0, 0x80, 0xAF),        // overlong, three bytes
                bytes(0xED, 0xA0, 0x80),        // a UTF-16 surrogate encoded as UTF-8
                bytes(0xF4, 0x90, 0x80, 0x80),  // beyond U+10FFFF
                bytes(0xFF),                    // never valid
        };
        for (byte[] b : broken) {
            byte[] file = concat("ok\r\nok\rok ", b, " tail");
            Utf8.InvalidUtf8Exception e = assertThrows(Utf8.InvalidUtf8Exception.class, () -> Utf8.decode(file),
                    java.util.HexFormat.of().formatHex(b));
            assertEquals(10, e.byteOffset(), java.util.HexFormat.of().formatHex(b));
            assertEquals(3, e.line(), "CRLF and a lone CR each end one line");
        }
    }

    @Test
    void utf16FileSaysSo() {
        byte[] file = concat("", bytes(0xFF, 0xFE), "");
        Utf8.InvalidUtf8Exception e = assertThrows(Utf8.InvalidUtf8Exception.class, () -> Utf8.decode(file));
        assertEquals("line 1: not UTF-8: the file starts with a UTF-16 byte order mark; save it as UTF-8", e.getMessage());
    }

    @Test
    void streamedCheckFindsTheSameOffsetAcrossReadBoundaries() throws Exception {
        byte[] file = concat("x".repeat(8191) + "\u00e9\n", bytes(0xE2, 0x82), "");  // a cut "€" at the very end
        try (InputStream in = Utf8.checking(new ByteArrayInputStream(file))) {
            byte[] buffer = new byte[8192];
            Utf8.InvalidUtf8Exception e = assertThrows(Utf8.InvalidUtf8Exception.class, () -> {
                while (in.read(buffer, 0, buffer.length) >= 0) {
                    // drain, like a JSON parser would
                }
            });
            assertEquals(8194, e.byteOffset());
            assertEquals(2, e.line());
        }
        byte[] good = ("é".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        try (InputStream in = Utf8.checking(new ByteArrayInputStream(good))) {
            assertArrayEquals(good, in.readAllBytes(), "valid bytes pass through unchanged");
        }
    }
}
