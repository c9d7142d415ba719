package org.dubgate.application.pipeline;

import org.dubgate.media.mix.Assembler;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What a job's ASSEMBLE muxes: the source (picture and original audio, tagged with its ISO 639-2
 * language, or {@code und} to keep what the source declares) and each language's full mix; and for
 * each lip-synced language its altered picture (the source's streams with the re-drawn shots) with
 * that language's mix alone — the altered mouths match no other language.
 */
public record AssembleWork(UUID taskId, UUID jobId, Path source, String originalLanguage, List<Assembler.DubTrack> dubs,
                           List<LipSyncedLanguage> lipSynced) {

    /** The name the container's metadata gives for the job's provenance manifest (R7). */
    public static final String MANIFEST = org.dubgate.domain.delivery.Delivery.MANIFEST;

    /** A language whose picture was altered: its altered picture and its own mix. */
    public record LipSyncedLanguage(String language, Path picture, Assembler.DubTrack dub) {
    }
}
