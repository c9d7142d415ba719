package org.dubgate.application.job;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.domain.job.CastLine;
import org.dubgate.domain.shared.EnumNames;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.media.script.Cue;
import org.dubgate.media.script.ScriptFormat;
import org.dubgate.media.script.ScriptImporter;
import org.dubgate.media.script.ScriptLimits;
import org.dubgate.media.script.ScriptParse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A job's scripts against the stated limits — cues per script, cues per job, characters per cue —
 * and each cue against its cast and the media. A script or job beyond a cue limit is refused at
 * once with only that reason (the parser stops at the first cue too many); a cue too long is one
 * problem among the others, named by its cue. The limits also keep every value inside its
 * database column, so no submission can end in a 500 at insert.
 */
@ApplicationScoped
public class JobScripts {

    private static final Logger LOG = Logger.getLogger(JobScripts.class.getName());
    /** Sizes of job_cue.text, job_cue.cue_id and the character_name columns (V4__jobs.sql). */
    static final int TEXT_COLUMN = 4000;
    static final int ID_COLUMN = 100;
    static final int CHARACTER_COLUMN = 100;

    @Inject
    @ConfigProperty(name = "dubgate.script.max-cues", defaultValue = "10000")
    int maxCuesPerScript;
    @Inject
    @ConfigProperty(name = "dubgate.job.max-cues", defaultValue = "40000")
    int maxCuesPerJob;
    @Inject
    @ConfigProperty(name = "dubgate.script.max-cue-chars", defaultValue = "1000")
    int maxCueChars;

    public JobScripts() {
        // for CDI
    }

    JobScripts(int maxCuesPerScript, int maxCuesPerJob, int maxCueChars) {
        this.maxCuesPerScript = maxCuesPerScript;
        this.maxCuesPerJob = maxCuesPerJob;
        this.maxCueChars = maxCueChars;
    }

    @PostConstruct
    void checkConfiguration() {
        if (maxCueChars > TEXT_COLUMN) {
            LOG.warning("dubgate.script.max-cue-chars=" + maxCueChars + " is more than the database keeps per cue; "
                    + TEXT_COLUMN + " applies");
        }
    }

    /**
     * One script read alone, as a manager previews it before submitting: its cues, or every problem
     * with the line it is on, by the same importer and limits a submission uses.
     */
    public ScriptParse preview(JobRequest.ScriptRequest s) {
        List<FieldError> errors = new java.util.ArrayList<>();
        ScriptFormat format = formatOf("script", s, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return importer().read(format, s.text());
    }

    private static ScriptFormat formatOf(String path, JobRequest.ScriptRequest s, List<FieldError> errors) {
        ScriptFormat format = s == null ? null
                : EnumNames.find(ScriptFormat.class, s.format()).orElse(null);
        if (format == null) {
            errors.add(new FieldError(path + ".format", "one of SRT, WEBVTT, TTML, JSON"));
        } else if (s.text() == null || s.text().isBlank()) {
            errors.add(new FieldError(path + ".text", "required: the script itself"));
        }
        return format;
    }

    /** The importer with the configured limits, a cue's text never past its column. */
    private ScriptImporter importer() {
        return new ScriptImporter(new ScriptLimits(maxCuesPerScript, Math.min(maxCueChars, TEXT_COLUMN)));
    }

    /** One job's scripts, read in turn against the job's cue budget. */
    public Reading reading() {
        return new Reading(importer());
    }

    /** Reads the scripts of one job, counting its cues. */
    public final class Reading {
        private final ScriptImporter importer;
        private int cues;

        private Reading(ScriptImporter importer) {
            this.importer = importer;
        }

        /** The script's cues (none when it has problems, which go to {@code errors}); a crossed limit throws at once. */
        public List<Cue> read(String path, JobRequest.ScriptRequest s, List<FieldError> errors) {
            int before = errors.size();
            ScriptFormat format = formatOf(path, s, errors);
            if (errors.size() > before) {
                return List.of();
            }
            ScriptParse parse = importer.read(format, s.text());
            if (parse.refused()) {
                throw new InvalidInputException(List.of(new FieldError(path, parse.errors().get(0).toString())));
            }
            cues += parse.cues().size();
            if (cues > maxCuesPerJob) {
                throw InvalidInputException.of(path, "with this script the job has more than " + maxCuesPerJob
                        + " cues: at most " + maxCuesPerJob + " per job");
            }
            parse.errors().forEach(e -> errors.add(new FieldError(path, e.toString())));
            return parse.ok() ? parse.cues() : List.of();
        }
    }

    /**
     * Every cue needs a cast character, must end within the media, must not overlap its character's
     * previous cue, and its id and character must fit what the job keeps of them.
     */
    static void checkCues(String path, List<Cue> cues, Map<String, CastLine> cast, Duration mediaLength,
                          List<FieldError> errors) {
        Map<String, Cue> lastOfCharacter = new HashMap<>();
        for (Cue cue : cues.stream().sorted(Comparator.comparing(Cue::start)).toList()) {
            String at = "cue " + cue.id() + " (line " + cue.line() + ")";
            if (cue.id().length() > ID_COLUMN) {
                errors.add(new FieldError(path, "line " + cue.line() + ": a cue id longer than " + ID_COLUMN
                        + " characters"));
            }
            if (cue.character().isEmpty()) {
                errors.add(new FieldError(path, at + ": names no character"));
                continue;
            }
            String character = cue.character().get();
            if (character.length() > CHARACTER_COLUMN) {
                errors.add(new FieldError(path, at + ": a character name longer than " + CHARACTER_COLUMN + " characters"));
            } else if (!cast.isEmpty() && !cast.containsKey(character)) {
                errors.add(new FieldError(path, at + ": unknown character " + character + " (not in the cast plan)"));
            }
            if (mediaLength != null && cue.end().compareTo(mediaLength) > 0) {
                errors.add(new FieldError(path, at + ": ends at " + seconds(cue.end()) + " s, after the media's end at "
                        + seconds(mediaLength) + " s"));
            }
            Cue previous = lastOfCharacter.put(character, cue);
            if (previous != null && cue.start().compareTo(previous.end()) < 0) {
                errors.add(new FieldError(path, at + ": overlaps cue " + previous.id() + " of the same character "
                        + character));
            }
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }
}
