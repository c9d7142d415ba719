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
                         List<TargetRequest> targets) {

    /** One target language: its script and how each character is dubbed. */
    public record TargetRequest(String language, ScriptRequest script, List<CharacterRequest> characters) {
    }

    /** The script text in one of SRT, WEBVTT, TTML or JSON. */
    public record ScriptRequest(String format, String text) {
    }

    /** HUMAN (with a dub stem), SYNTHETIC (with a voice) or ORIGINAL. */
    public record CharacterRequest(String character, String approach, UUID voiceId, UUID dubStemMediaId) {
    }
}
