package org.dubgate.media.probe;

import org.dubgate.media.json.JsonText;

import java.util.Optional;

/** One stream of a container. Language is the container's ISO 639 tag, absent when untagged. */
public sealed interface StreamInfo {

    int index();

    String codec();

    Optional<String> language();

    /** Duration of this stream in seconds as the container states it, or 0 when it does not. */
    double durationSeconds();

    void writeJson(JsonText json);

    record Video(int index, String codec, Optional<String> language, double durationSeconds,
                 int width, int height, double frameRate) implements StreamInfo {
        @Override
        public void writeJson(JsonText json) {
            json.beginObject().field("index", index).field("type", "video").field("codec", codec)
                    .field("language", language.orElse(null)).field("durationSeconds", durationSeconds)
                    .field("width", width).field("height", height).field("frameRate", frameRate).endObject();
        }
    }

    record Audio(int index, String codec, Optional<String> language, double durationSeconds,
                 int sampleRate, int channels, String channelLayout) implements StreamInfo {
        @Override
        public void writeJson(JsonText json) {
            json.beginObject().field("index", index).field("type", "audio").field("codec", codec)
                    .field("language", language.orElse(null)).field("durationSeconds", durationSeconds)
                    .field("sampleRate", sampleRate).field("channels", channels)
                    .field("channelLayout", channelLayout).endObject();
        }
    }

    /** Subtitle, data and attachment streams: listed so nothing in the source goes unseen. */
    record Other(int index, String type, String codec, Optional<String> language, double durationSeconds)
            implements StreamInfo {
        @Override
        public void writeJson(JsonText json) {
            json.beginObject().field("index", index).field("type", type).field("codec", codec)
                    .field("language", language.orElse(null)).field("durationSeconds", durationSeconds).endObject();
        }
    }
}
