package org.dubgate.application.pipeline;

import org.dubgate.domain.job.QaCheck.Finding;
import org.dubgate.domain.job.QaCheck.Kind;
import org.dubgate.domain.job.QaCheck.Verdict;
import org.dubgate.media.qa.ConformanceFigures;
import org.dubgate.media.qa.LineAudit;
import org.dubgate.media.qa.LineFigures;
import org.dubgate.media.qa.QaException;
import org.dubgate.media.qa.ScriptConformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The checks of one synthesized line: audio there at all, not silent, not far too short for its
 * text, no dropout inside it, no clipping, not an OVERFLOW of its slot, and for English what the
 * recognizer hears against the script (word error rate).
 */
final class LineChecks {

    /**
     * Under this many script words the recognizer knows, a loop over them can make any speech sound
     * like the script ("No." heard in anything as "no"): the check is noted, not judged.
     */
    static final int MIN_WORDS_TO_JUDGE = 4;

    private final CheckWork.Thresholds limits;
    private final LineAudit audit = new LineAudit();
    private final Optional<ScriptConformance> recognizer;
    private final Path folder;

    /** @param folder the task's working folder: the recognizer's scratch files go there */
    LineChecks(CheckWork.Thresholds limits, String language, Path folder) {
        this.limits = limits;
        this.folder = folder;
        this.recognizer = limits.recognizeEnglish() && language.toLowerCase(Locale.ROOT).startsWith("en")
                ? Optional.of(new ScriptConformance()) : Optional.empty();
    }

    /**
     * The line's checks. A line whose audio cannot be read, or that the recognizer fails on, is flagged
     * with the reason rather than failing the language: one bad line is for a person to look at.
     */
    List<Finding> of(CheckWork.Line line) {
        List<Finding> found = new ArrayList<>();
        LineFigures f;
        try {
            f = audit.audit(line.audio());
        } catch (QaException e) {
            found.add(finding(line, Kind.LINE_EMPTY, OptionalDouble.empty(), "samples", "readable audio", false,
                    "cannot be read: " + e.getMessage()));
            return found;
        }
        found.add(finding(line, Kind.LINE_EMPTY, OptionalDouble.of(f.frames()), "samples", "at least one sample",
                !f.empty(), f.durationSeconds() + " s"));
        found.add(finding(line, Kind.LINE_SILENT, OptionalDouble.of(f.peakDbfs()), "dBFS", "peak above −60 dBFS",
                !f.silent(), String.format(Locale.ROOT, "active level %.1f dBFS", f.activeLevelDbfs())));
        long letters = line.text().codePoints().filter(Character::isLetterOrDigit).count();
        if (f.empty()) {
            found.add(noted(line, Kind.LINE_TOO_SHORT, OptionalDouble.empty(), "chars/s", "no audio (see LINE_EMPTY)"));
        } else {
            double perSecond = letters / f.durationSeconds();
            found.add(finding(line, Kind.LINE_TOO_SHORT, OptionalDouble.of(perSecond), "chars/s",
                    String.format(Locale.ROOT, "≤ %.0f characters of text a second", limits.maxCharsPerSecond()),
                    perSecond <= limits.maxCharsPerSecond(), String.format(Locale.ROOT, "%d characters in %.3f s",
                            letters, f.durationSeconds())));
        }
        found.add(finding(line, Kind.LINE_DROPOUT, OptionalDouble.of(f.dropouts().size()), "dropouts", "none",
                f.dropouts().isEmpty(), f.dropouts().isEmpty() ? "" : "at " + f.dropouts().stream()
                        .map(d -> String.format(Locale.ROOT, "%.3f s (%.0f ms)", d.startSeconds(), d.lengthSeconds() * 1000))
                        .collect(Collectors.joining(", "))));
        found.add(finding(line, Kind.LINE_CLIPPING, OptionalDouble.of(f.clippedRuns()), "runs",
                "0 runs of full-scale samples", f.clippedRuns() == 0, "longest " + f.longestClippedRun() + " samples"));
        found.add(finding(line, Kind.OVERFLOW, line.overflowRatio().map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                "ratio", "fits its slot at the tempo limit", line.overflowRatio().isEmpty(), line.overflowRatio()
                        .map(r -> String.format(Locale.ROOT, "needed %.2fx to fit", r)).orElse("")));
        if (recognizer.isPresent() && !f.empty() && !f.silent()) {
            found.add(conformance(line));
        }
        return found;
    }

    private Finding conformance(CheckWork.Line line) {
        ConformanceFigures heard;
        try {
            heard = recognizer.get().check(line.audio(), line.text(), limits.recognizerTimeout(), folder);
        } catch (QaException e) {
            return finding(line, Kind.SCRIPT_CONFORMANCE, OptionalDouble.empty(), "WER", "the recognizer ran", false,
                    "the recognizer failed: " + e.getMessage());
        }
        String said = "heard: \"" + heard.recognized() + "\""
                + (heard.unknownWords().isEmpty() ? "" : "; not in the dictionary: " + heard.unknownWords());
        if (heard.referenceWords().size() < MIN_WORDS_TO_JUDGE || Double.isNaN(heard.wordErrorRate())) {
            return noted(line, Kind.SCRIPT_CONFORMANCE, Double.isNaN(heard.wordErrorRate()) ? OptionalDouble.empty()
                    : OptionalDouble.of(heard.wordErrorRate()), "WER", "too few dictionary words to tell ("
                    + heard.referenceWords().size() + " of at least " + MIN_WORDS_TO_JUDGE + "); " + said);
        }
        return finding(line, Kind.SCRIPT_CONFORMANCE, OptionalDouble.of(heard.wordErrorRate()), "WER",
                String.format(Locale.ROOT, "≤ %.2f", limits.maxWordErrorRate()),
                heard.wordErrorRate() <= limits.maxWordErrorRate(), said);
    }

    private static Finding noted(CheckWork.Line line, Kind kind, OptionalDouble figure, String unit, String detail) {
        return new Finding(kind, Optional.of(line.outputId()), Optional.of(line.cueId()), figure, unit, Optional.empty(),
                Verdict.NOTED, Optional.of(detail));
    }

    private static Finding finding(CheckWork.Line line, Kind kind, OptionalDouble figure, String unit, String threshold,
                                   boolean ok, String detail) {
        return new Finding(kind, Optional.of(line.outputId()), Optional.of(line.cueId()), figure, unit,
                Optional.of(threshold), ok ? Verdict.PASSED : Verdict.FLAGGED,
                detail.isEmpty() ? Optional.empty() : Optional.of(detail));
    }
}
