package org.dubgate.media.probe;

import org.dubgate.media.json.JsonSupport;

import java.util.List;
import java.util.Optional;

import static org.dubgate.media.json.JsonSupport.number;
import static org.dubgate.media.json.JsonSupport.text;

/**
 * What a media file holds, as read by FFmpeg.
 *
 * @param container       demuxer short name (e.g. {@code mpeg}, {@code mov,mp4,m4a,3gp,3g2,mj2})
 * @param containerLongName human-readable container name
 * @param durationSeconds the container's duration in seconds
 * @param bitRate         overall bit rate in bit/s, 0 when unknown
 * @param sizeBytes       file size in bytes
 * @param streams         every stream, in container order
 */
public record MediaProbe(String container, String containerLongName, double durationSeconds, long bitRate,
                         long sizeBytes, List<StreamInfo> streams) {

    public MediaProbe {
        streams = List.copyOf(streams);
    }

    public List<StreamInfo.Video> videoStreams() {
        return streams.stream().filter(StreamInfo.Video.class::isInstance).map(StreamInfo.Video.class::cast).toList();
    }

    public List<StreamInfo.Audio> audioStreams() {
        return streams.stream().filter(StreamInfo.Audio.class::isInstance).map(StreamInfo.Audio.class::cast).toList();
    }

    public Optional<StreamInfo.Video> firstVideo() {
        return videoStreams().stream().findFirst();
    }

    public Optional<StreamInfo.Audio> firstAudio() {
        return audioStreams().stream().findFirst();
    }

    /** The probe as a JSON object; the format the CLI prints and the server stores. */
    public String toJson() {
        return JsonSupport.write(json -> {
            json.writeStartObject();
            text(json, "container", container);
            text(json, "containerLongName", containerLongName);
            number(json, "durationSeconds", durationSeconds);
            json.write("bitRate", bitRate).write("sizeBytes", sizeBytes).writeStartArray("streams");
            streams.forEach(s -> s.writeJson(json));
            json.writeEnd().writeEnd();
        });
    }
}
