package org.dubgate.media.qa;

import java.nio.FloatBuffer;

/** A file's audio as blocks of interleaved float samples, read once from start to end. */
interface AudioBlocks extends AutoCloseable {

    int sourceChannels();

    int sourceRate();

    /** The next block, or {@code null} at the end. */
    FloatBuffer next() throws QaException;

    @Override
    void close();
}
