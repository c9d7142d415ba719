package org.dubgate.application.pipeline;

import org.dubgate.domain.job.QaCheck.Finding;
import org.dubgate.domain.job.QaCheck.Kind;
import org.dubgate.domain.job.QaCheck.Verdict;
import org.dubgate.media.qa.ConformanceFigures;
import org.dubgate.media.qa.LineAudit;
import org.dubgate.media.qa.LineFigures;
import org.dubgate.media.qa.QaException;
import org.dubgate.media.qa.ScriptConformance;

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

    private final CheckWork.Thresholds limits;
    private final LineAudit audit = new LineAudit();
    private final Optional<ScriptConformance> recognizer;

    LineChecks(CheckWork.Thresholds limits, String language) {
        this.limits = limits;
        this.recognizer = limits.recognizeEnglish() && language.toLowerCase(Locale.ROOT).startsWith("en")
                ? Optional.of(new ScriptConformance()) : Optional.empty();
    }

    List<Finding> of(CheckWork.Line line) throws QaException {
        List<Finding> found = new ArrayList<>();
        LineFigures f = audit.audit(line.audio());
        found.add(finding(line, Kind.LINE_EMPTY, OptionalDouble.of(f.frames()), "samples", "at least one sample",
                !f.empty(), f.durationSeconds() + " s"));
        found.add(finding(line, Kind.LINE_SILENT, OptionalDouble.of(f.peakDbfs()), "dBFS", "peak above −60 dBFS",
                !f.silent(), String.format(Locale.ROOT, "active level %.1f dBFS", f.activeLevelDbfs())));
        long letters = line.text().codePoints().filter(Character::isLetterOrDigit).count();
        double perSecond = f.durationSeconds() > 0 ? letters / f.durationSeconds() : Double.POSITIVE_INFINITY;
        found.add(finding(line, Kind.LINE_TOO_SHORT, OptionalDouble.of(perSecond), "chars/s",
                String.format(Locale.ROOT, "≤ %.0f characters of text a second", limits.maxCharsPerSecond()),
                perSecond <= limits.maxCharsPerSecond(), String.format(Locale.ROOT, "%d characters in %.3f s", letters,
                        f.durationSeconds())));
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
            ConformanceFigures heard = recognizer.get().check(line.audio(), line.text(), limits.recognizerTimeout());
            found.add(finding(line, Kind.SCRIPT_CONFORMANCE, OptionalDouble.of(heard.wordErrorRate()), "WER",
                    String.format(Locale.ROOT, "≤ %.2f", limits.maxWordErrorRate()),
                    heard.wordErrorRate() <= limits.maxWordErrorRate(), "heard: \"" + heard.recognized() + "\""
                            + (heard.unknownWords().isEmpty() ? "" : "; not in the dictionary: " + heard.unknownWords())));
        }
        return found;
    }

    private static Finding finding(CheckWork.Line line, Kind kind, OptionalDouble figure, String unit, String threshold,
                                   boolean ok, String detail) {
        return new Finding(kind, Optional.of(line.outputId()), Optional.of(line.cueId()), figure, unit,
                Optional.of(threshold), ok ? Verdict.PASSED : Verdict.FLAGGED,
                detail.isEmpty() ? Optional.empty() : Optional.of(detail));
    }
}
