package org.dubgate.media.mix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One language's MIX stage: its dialogue stem (every line at its time-fitted place, over any beds),
 * then the full mix of that stem over the programme's bed (see {@link ProgrammeMix}). Both files
 * are streamed; nothing here holds more than one line and a few blocks.
 *
 * @param source   the picture-and-sound source (the bed when there is no M&E)
 * @param mne      the music-and-effects stem, when supplied
 * @param length   the programme's length: both outputs last exactly this long
 * @param lines    the synthesized lines, placed and tempo-adjusted as time-fit decided
 * @param beds     HUMAN stems and original dialogue kept for ORIGINAL characters
 * @param dubSpans where dub dialogue sounds: the original is ducked there when there is no M&E
 */
public record LanguageMix(Path source, Optional<Path> mne, Duration length, List<DialogueStem.Line> lines,
                          List<DialogueStem.Bed> beds, List<Span> dubSpans) {

    public LanguageMix {
        lines = List.copyOf(lines);
        beds = List.copyOf(beds);
        dubSpans = List.copyOf(dubSpans);
    }

    /** Writes the dialogue stem and the full mix; says how the mix was made and what QA should know. */
    public ProgrammeMix.Result render(Path dialogueStemOut, Path fullMixOut) throws MixException {
        DialogueStem.render(lines, beds, length, dialogueStemOut);
        return ProgrammeMix.mix(dialogueStemOut, mne, source, dubSpans, length, fullMixOut);
    }
}
