package org.dubgate.media.loudness;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;

import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * BS.1770-4 channel weights from an FFmpeg channel layout: 0 for LFE, 1.41 (+1.5 dB) for channels
 * beside and behind the listener at 60° to 120° azimuth, 1.0 for every other one (Table 3 and its
 * generalisation for more channels). A mono file is one channel at 1.0, as the Recommendation has it:
 * it reads 3 LU below the same signal on both channels of a stereo file.
 */
final class ChannelWeights {

    static final double SURROUND = 1.41;

    private ChannelWeights() {
    }

    /** @param layout the stream's layout; an unspecified one is taken as FFmpeg's default for its channel count */
    static double[] of(AVChannelLayout layout, int channels) {
        AVChannelLayout known = layout;
        boolean guessed = layout == null || layout.order() == AV_CHANNEL_ORDER_UNSPEC || layout.nb_channels() != channels;
        if (guessed) {
            known = new AVChannelLayout();
            av_channel_layout_default(known, channels);
        }
        try {
            int[] positions = new int[channels];
            boolean sides = false;
            for (int i = 0; i < channels; i++) {
                positions[i] = av_channel_layout_channel_from_index(known, i);
                sides |= positions[i] == AV_CHAN_SIDE_LEFT || positions[i] == AV_CHAN_SIDE_RIGHT;
            }
            double[] weights = new double[channels];
            for (int i = 0; i < channels; i++) {
                weights[i] = weight(positions[i], sides);
            }
            return weights;
        } finally {
            if (guessed) {
                av_channel_layout_uninit(known);
                known.close();
            }
        }
    }

    /**
     * FFmpeg names the surrounds of 5.1 "back" or "side" depending on the layout; either way they sit at
     * about ±110° and weigh 1.41. Only beside real side channels (7.1) are the back ones behind, at 1.0.
     */
    private static double weight(int position, boolean sides) {
        if (position == AV_CHAN_LOW_FREQUENCY || position == AV_CHAN_LOW_FREQUENCY_2) {
            return 0.0;
        }
        if (position == AV_CHAN_SIDE_LEFT || position == AV_CHAN_SIDE_RIGHT
                || position == AV_CHAN_SURROUND_DIRECT_LEFT || position == AV_CHAN_SURROUND_DIRECT_RIGHT
                || position == AV_CHAN_SIDE_SURROUND_LEFT || position == AV_CHAN_SIDE_SURROUND_RIGHT) {
            return SURROUND;
        }
        if (position == AV_CHAN_BACK_LEFT || position == AV_CHAN_BACK_RIGHT) {
            return sides ? 1.0 : SURROUND;
        }
        return 1.0;
    }
}
