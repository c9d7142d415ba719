package org.dubgate.application.pipeline;

import org.dubgate.domain.job.LoudnessSpec;
import org.dubgate.media.mix.DialogueStem;
import org.dubgate.media.mix.Span;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything one language's MIX needs, read in one short transaction: the local files of the
 * source and stems, every synthesized line where time-fit placed it, the HUMAN stems, where dub
 * dialogue sounds (the original is ducked there without M&E), where ORIGINAL characters speak
 * (their original dialogue is kept there), the script's cues (the mix's loudness is measured over
 * them) and the job's loudness; in a re-render, the gain the language's earlier mix gave its dialogue
 * (kept, so only the lines made again change the mix); and what the files say of themselves (R7).
 */
public record MixWork(UUID taskId, UUID jobId, String language, Path source, Optional<Path> mne,
                      Optional<Path> originalDialogue, Duration length, List<DialogueStem.Line> lines,
                      List<Path> humanStems, List<Span> dubSpans, List<Span> originalSpans, List<Span> cueSpans,
                      LoudnessSpec loudness, java.util.OptionalDouble keptGainDb,
                      Optional<org.dubgate.media.mix.Disclosure> disclosure) {
}
