package org.dubgate.media.lipsync;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A shot's review still: the face region of its most-changed frame, source left and altered right, as PNG
 * (a browser shows it as it is). The two halves are kept as BGR bytes while the shot is rewritten.
 */
final class BeforeAfterStill {

    private BeforeAfterStill() {
    }

    static Optional<Path> write(ShotWork shot, Path dir, String name) throws LipSyncException {
        if (shot.stillBox == null) {
            return Optional.empty();
        }
        int w = shot.stillBox[2] - shot.stillBox[0];
        int h = shot.stillBox[3] - shot.stillBox[1];
        BufferedImage img = new BufferedImage(2 * w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            System.arraycopy(shot.stillBefore, y * w * 3, px, y * 2 * w * 3, w * 3);
            System.arraycopy(shot.stillAfter, y * w * 3, px, (y * 2 * w + w) * 3, w * 3);
        }
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new LipSyncException("cannot write the still " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(file);
    }
}
