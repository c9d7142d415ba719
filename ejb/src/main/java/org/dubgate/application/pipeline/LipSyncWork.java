package org.dubgate.application.pipeline;

import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.job.Shot;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What one language's LIP_SYNC re-draws: the source picture, the language's dialogue stem (the sound
 * the mouths are made to say), and each lip-synced character's shots with the model doing it; and the
 * plan the gate re-checks (every character's LIP_SYNC use, R1/R5/R9).
 */
public record LipSyncWork(UUID taskId, UUID jobId, String language, Path source, Path dialogue, JobPlan plan,
                          List<Character> characters) {

    /** One character's shots, the on-screen performer and the model (its registered engine, artifact and hash). */
    public record Character(String name, UUID performerId, UUID modelId, String engine, String artifactLocation,
                            String modelSha256, List<Shot> shots) {
    }
}
