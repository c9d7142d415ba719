package org.dubgate.web.job;

import org.dubgate.domain.job.Deliverable;

import java.time.Instant;
import java.util.List;

/**
 * A file made for the job's delivery, with the QA flags raised on it (by MIX, and by its language's
 * CHECK); for a full mix the gain MIX applied to the dub's dialogue to meet the job's loudness and
 * the deepest reduction of the true-peak limiter (0: it never engaged), in dB.
 */
public record DeliverableResponse(String id, String kind, String language, String sha256, long sizeBytes, String method,
                                  List<String> flags, Double dialogueGainDb, Double limiterReductionDb, String taskId,
                                  Instant createdAt, int round, String withheld) {

    public static DeliverableResponse of(Deliverable d) {
        return new DeliverableResponse(d.id().toString(), d.kind().name(), d.language().orElse(null), d.contentSha256(),
                d.sizeBytes(), d.method().orElse(null), d.flags(), round(d.dialogueGainDb()), round(d.limiterReductionDb()),
                d.taskId().toString(), d.createdAt(), d.round(), d.withheldReason().orElse(null));
    }

    private static Double round(java.util.OptionalDouble db) {
        return db.isPresent() ? Math.round(db.getAsDouble() * 100) / 100.0 : null;
    }

    /** The media type it is served with. */
    static String mediaType(Deliverable d) {
        return org.dubgate.application.delivery.DeliveryFiles.mediaTypeOf(d.kind());
    }

    /** The file name it is served under, e.g. {@code es.full-mix.wav}. */
    static String fileName(Deliverable d) {
        return switch (d.kind()) {
            case PROGRAMME -> d.language().map(l -> l + ".").orElse("") + "programme.mkv";
            case ALTERED_PICTURE -> d.language().orElse("und") + ".lip-synced-picture.mkv";
            case FULL_MIX -> d.language().orElse("und") + ".full-mix.wav";
            case DIALOGUE_STEM -> d.language().orElse("und") + ".dialogue-stem.wav";
        };
    }
}
