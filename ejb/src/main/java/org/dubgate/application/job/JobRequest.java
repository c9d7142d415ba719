package org.dubgate.application.job;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A job as a manager submits it (the body of {@code POST /jobs}); {@link JobService} checks every field. */
public record JobRequest(String title, UUID sourceMediaId, UUID mneMediaId, UUID dialogueMediaId, String territory,
                         @Schema(enumeration = {"TEMP", "FINAL"}, defaultValue = "TEMP",
                                 description = "R6: TEMP (internal review only) unless FINAL is asked for; "
                                         + "left out, the job is TEMP")
                         String purpose, Integer priority, Double maxTempo, String originalLanguage,
                         List<TargetRequest> targets, DeliveryRequest delivery) {

    /**
     * The loudness the delivery must meet: a profile, and optionally a dialogue target and a
     * true-peak ceiling of the job's own, or the original dialogue's level to match.
     */
    public record DeliveryRequest(
            @Schema(enumeration = {"STREAMING", "EBU_R128", "ATSC_A85"}, defaultValue = "STREAMING",
                    description = "STREAMING: dialogue-gated -27 LKFS +-2, true peak <= -2 dBTP (programme -24 when "
                            + "dialogue covers under 15 % of the runtime); EBU_R128: programme -23 LUFS +-1, -1 dBTP; "
                            + "ATSC_A85: programme -24 LKFS +-2, -2 dBTP")
            String profile,
            @Schema(description = "the dub dialogue's loudness instead of the profile's, LUFS, -36 to -10")
            Double loudnessLufs,
            @Schema(description = "the true-peak ceiling instead of the profile's, dBTP, -10 to 0")
            Double truePeakDbtp,
            @Schema(description = "match the original dialogue's level over the same cues instead of a fixed target",
                    defaultValue = "false")
            Boolean matchOriginalDialogue) {
    }

    /** One target language: its script and how each character is dubbed. */
    public record TargetRequest(String language, ScriptRequest script, List<CharacterRequest> characters) {
    }

    /** The script text in one of SRT, WEBVTT, TTML or JSON. */
    public record ScriptRequest(String format, String text) {
    }

    /**
     * HUMAN (with a dub stem), SYNTHETIC (with a voice) or ORIGINAL; and, with {@code lipSync}, the
     * on-screen performer's mouth re-drawn to the dub in the character's cue spans.
     */
    public record CharacterRequest(String character, String approach, UUID voiceId, UUID dubStemMediaId,
                                   LipSyncRequest lipSync) {
        // one constructor only: JSON-B binds a record's body through its canonical constructor
    }

    /**
     * Visual ADR of one character in one language: whose on-screen performance is altered (their own
     * LIP_SYNC grant is needed, R1) and by which registered LIP_SYNC model (R5). The shots altered are
     * the character's cue spans, lines closer than a second joined.
     */
    public record LipSyncRequest(
            @Schema(description = "the performer seen on screen, whose LIP_SYNC grant must cover the job")
            UUID onScreenPerformerId,
            @Schema(description = "an APPROVED LIP_SYNC model in the registry")
            UUID modelId) {
    }
}
