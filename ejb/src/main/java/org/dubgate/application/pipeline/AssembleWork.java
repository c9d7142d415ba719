package org.dubgate.application.pipeline;

import org.dubgate.media.mix.Assembler;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What a job's ASSEMBLE muxes: the source (picture and original audio, tagged with its ISO 639-2
 * language, or {@code und} to keep what the source declares) and each language's full mix.
 */
public record AssembleWork(UUID taskId, UUID jobId, Path source, String originalLanguage, List<Assembler.DubTrack> dubs) {

    /** The name the container's metadata gives for the job's provenance manifest (R7). */
    public static final String MANIFEST = org.dubgate.domain.delivery.Delivery.MANIFEST;
}
