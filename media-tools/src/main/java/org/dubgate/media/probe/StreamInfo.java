package org.dubgate.media.probe;

import jakarta.json.stream.JsonGenerator;

import java.util.Optional;

import static org.dubgate.media.json.JsonSupport.number;
import static org.dubgate.media.json.JsonSupport.text;

/** One stream of a container. Language is the container's ISO 639 tag, absent when untagged. */
public sealed interface StreamInfo {

    int index();

    String codec();

    Optional<String> language();

    /** Duration of this stream in seconds as the container states it, or 0 when it does not. */
    double durationSeconds();

    /** Writes this stream as one JSON object, the element of {@link MediaProbe#toJson()}'s {@code streams}. */
    void writeJson(JsonGenerator json);

    record Video(int index, String codec, Optional<String> language, double durationSeconds,
                 int width, int height, double frameRate) implements StreamInfo {
        @Override
        public void writeJson(JsonGenerator json) {
            json.writeStartObject().write("index", index).write("type", "video");
            text(json, "codec", codec);
            text(json, "language", language.orElse(null));
            number(json, "durationSeconds", durationSeconds);
            json.write("width", width).write("height", height);
            number(json, "frameRate", frameRate);
            json.writeEnd();
        }
    }

    record Audio(int index, String codec, Optional<String> language, double durationSeconds,
                 int sampleRate, int channels, String channelLayout) implements StreamInfo {
        @Override
        public void writeJson(JsonGenerator json) {
            json.writeStartObject().write("index", index).write("type", "audio");
            text(json, "codec", codec);
            text(json, "language", language.orElse(null));
            number(json, "durationSeconds", durationSeconds);
            json.write("sampleRate", sampleRate).write("channels", channels);
            text(json, "channelLayout", channelLayout);
            json.writeEnd();
        }
    }

    /** Subtitle, data and attachment streams: listed so nothing in the source goes unseen. */
    record Other(int index, String type, String codec, Optional<String> language, double durationSeconds)
            implements StreamInfo {
        @Override
        public void writeJson(JsonGenerator json) {
            json.writeStartObject().write("index", index);
            text(json, "type", type);
            text(json, "codec", codec);
            text(json, "language", language.orElse(null));
            number(json, "durationSeconds", durationSeconds);
            json.writeEnd();
        }
    }
}
