package org.dubgate.media.lipsync;

/** A rectangle in source pixels: left, top, width, height. */
public record PixelBox(int x, int y, int width, int height) {
}
