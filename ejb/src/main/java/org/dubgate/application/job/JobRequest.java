package org.dubgate.application.job;

import java.util.List;
import java.util.UUID;

/** A job as a manager submits it (the body of {@code POST /jobs}); {@link JobService} checks every field. */
public record JobRequest(String title, UUID sourceMediaId, UUID mneMediaId, UUID dialogueMediaId, String territory,
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
