package org.dubgate.application.job;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.application.port.ContentStore;
import org.dubgate.media.mix.DialogueStem;
import org.dubgate.media.mix.LanguageMix;
import org.dubgate.media.mix.MixException;
import org.dubgate.media.mix.ProgrammeMix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one language's MIX with no transaction open: the dialogue stem (time-fitted lines over the
 * HUMAN stems and the original dialogue of ORIGINAL characters), then the full mix over the M&E or
 * the original. Both files stream through FFmpeg block by block and go to content storage; a
 * failure propagates, so the queue retries and dead-letters.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MixWorker {

    @Inject
    StageSteps steps;
    @Inject
    TaskSteps tasks;
    @Inject
    ContentStore store;

    public void run(UUID taskId) {
        Optional<MixWork> started = steps.startMix(taskId);
        if (started.isEmpty()) {
            return;
        }
        MixWork work = started.get();
        Scratch.run(taskId, "mix", tasks, dir -> {
            Path stem = dir.resolve("dialogue.wav");
            Path mix = dir.resolve("mix.wav");
            ProgrammeMix.Result result = new LanguageMix(work.source(), work.mne(), work.length(), work.lines(),
                    beds(work), work.dubSpans()).render(stem, mix);
            steps.completeMix(taskId, store.store(stem), store.store(mix), result);
        });
    }

    /**
     * HUMAN stems whole; ORIGINAL characters' own dialogue during their cues — from the original
     * dialogue stem when there is one, else from the centre of a 5.1 source about to be replaced.
     * (A stereo source without M&E keeps them anyway: it is only ducked under dub lines.)
     */
    private static List<DialogueStem.Bed> beds(MixWork work) throws MixException {
        List<DialogueStem.Bed> beds = new ArrayList<>(work.humanStems().stream().map(DialogueStem.Bed::whole).toList());
        if (!work.originalSpans().isEmpty()) {
            if (work.originalDialogue().isPresent()) {
                beds.add(new DialogueStem.Bed(work.originalDialogue().get(), false, Optional.of(work.originalSpans())));
            } else if (work.mne().isEmpty() && ProgrammeMix.surround(work.source())) {
                beds.add(new DialogueStem.Bed(work.source(), true, Optional.of(work.originalSpans())));
            }
        }
        return beds;
    }
}
