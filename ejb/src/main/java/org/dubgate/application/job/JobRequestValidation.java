package org.dubgate.application.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.gate.GateService;
import org.dubgate.application.gate.PlanInput;
import org.dubgate.application.identity.Caller;
import org.dubgate.domain.consent.LanguageTag;
import org.dubgate.domain.consent.Purpose;
import org.dubgate.domain.consent.Territory;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.job.CastLine;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DeliveryProfile;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.LoudnessSpec;
import org.dubgate.domain.job.JobCue;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTarget;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.domain.media.MediaAssetRepository;
import org.dubgate.domain.media.MediaState;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.AiModelRepository;
import org.dubgate.domain.shared.EnumNames;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.title.TitleRepository;
import org.dubgate.domain.voice.Voice;
import org.dubgate.domain.voice.VoiceRepository;
import org.dubgate.media.script.Cue;
import org.dubgate.media.script.ScriptFormat;
import org.dubgate.media.timing.TimeFit;
import org.dubgate.media.voice.EngineException;
import org.dubgate.media.voice.VoiceEngines;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a job request before anything is decided or stored: every field and every cue, all
 * problems reported at once (400) — the media are READY and have sound where sound is needed, the
 * script parses and every cue belongs to a cast character, ends within the media and does not
 * overlap its character's previous cue, every voice speaks its language on an installed engine.
 * A script or job beyond the stated cue limits is refused at once ({@link JobScripts}). A job
 * without {@code purpose} is TEMP (R6: temporary unless FINAL is asked for). Then it states the
 * request as the plan the consent gate decides on.
 */
@ApplicationScoped
public class JobRequestValidation {

    /** A request that passed every check, in domain terms. */
    public record Validated(Territory territory, Purpose purpose, int priority, double maxTempo,
                            Optional<String> originalLanguage, LoudnessSpec loudness, List<JobTarget> targets,
                            Map<UUID, Voice> voices) {
    }

    @Inject
    TitleRepository titles;
    @Inject
    MediaAssetRepository media;
    @Inject
    VoiceRepository voices;
    @Inject
    AiModelRepository models;
    @Inject
    JobScripts scripts;
    @Inject
    LipSyncChecks lipSyncs;

    public Validated validate(JobRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.title() == null || titles.findByCode(r.title().strip()).isEmpty()) {
            errors.add(new FieldError("title", "no title with this code (create it with POST /titles)"));
        }
        Optional<MediaAsset> source = readyMedia("sourceMediaId", r.sourceMediaId(), true, errors);
        if (r.mneMediaId() != null) {
            readyMedia("mneMediaId", r.mneMediaId(), true, errors).ifPresent(m -> requireSound("mneMediaId", m, errors));
        } else {
            // without an M&E the source's own sound is the bed the dub is mixed over
            source.ifPresent(m -> requireSound("sourceMediaId", m, errors));
        }
        if (r.dialogueMediaId() != null) {
            readyMedia("dialogueMediaId", r.dialogueMediaId(), true, errors)
                    .ifPresent(m -> requireSound("dialogueMediaId", m, errors));
        }
        Optional<Territory> territory = Territory.parse(r.territory());
        if (territory.isEmpty()) {
            errors.add(new FieldError("territory", "an ISO 3166-1 alpha-2 country code or WORLDWIDE"));
        }
        // R6: a job is TEMP unless FINAL is asked for
        Optional<Purpose> purpose = r.purpose() == null ? Optional.of(Purpose.TEMP)
                : EnumNames.find(Purpose.class, r.purpose());
        if (purpose.isEmpty()) {
            errors.add(new FieldError("purpose", "TEMP or FINAL (left out: TEMP)"));
        }
        int priority = r.priority() == null ? 5 : r.priority();
        if (priority < 1 || priority > 10) {
            errors.add(new FieldError("priority", "1 (lowest) to 10 (highest)"));
        }
        double maxTempo = r.maxTempo() == null ? TimeFit.DEFAULT_MAX_TEMPO : r.maxTempo();
        if (!(maxTempo >= DubbingJob.MIN_TEMPO && maxTempo <= DubbingJob.MAX_TEMPO)) {
            errors.add(new FieldError("maxTempo", "the time-fit speed-up limit, " + DubbingJob.MIN_TEMPO + " to "
                    + DubbingJob.MAX_TEMPO + " (default " + TimeFit.DEFAULT_MAX_TEMPO + ")"));
        }
        Optional<String> originalLanguage = Optional.ofNullable(r.originalLanguage()).flatMap(LanguageTag::parse)
                .map(LanguageTag::value);
        if (r.originalLanguage() != null && originalLanguage.isEmpty()) {
            errors.add(new FieldError("originalLanguage",
                    "a valid BCP 47 language tag: the language the source is spoken in"));
        }
        JobRequest.DeliveryRequest d = r.delivery();
        Optional<LoudnessSpec> loudness = d == null ? Optional.of(DeliveryProfile.STREAMING.spec())
                : LoudnessSpec.requested(d.profile(), d.loudnessLufs(), d.truePeakDbtp(), d.matchOriginalDialogue(), errors);
        Duration mediaLength = source.flatMap(MediaAsset::durationSeconds)
                .map(s -> Duration.ofNanos(Math.round(s * 1e9))).orElse(null);
        List<JobTarget> targets = new ArrayList<>();
        Map<UUID, Voice> usedVoices = new HashMap<>();
        if (r.targets() == null || r.targets().isEmpty()) {
            errors.add(new FieldError("targets", "at least one target language is required"));
        } else {
            Set<String> languages = new HashSet<>();
            JobScripts.Reading reading = scripts.reading();
            for (int i = 0; i < r.targets().size(); i++) {
                Optional<JobTarget> t = target("targets[" + i + "]", r.targets().get(i), mediaLength, languages,
                        reading, usedVoices, errors);
                t.ifPresent(targets::add);
                if (t.isPresent() && r.mneMediaId() != null && r.dialogueMediaId() == null
                        && !t.get().cuesOf(JobPlan.Approach.ORIGINAL).isEmpty()) {
                    // the M&E has no dialogue: ORIGINAL characters would fall silent in the mix
                    errors.add(new FieldError("dialogueMediaId", "targets[" + i + "] keeps characters ORIGINAL over an "
                            + "M&E stem: supply the original dialogue stem too"));
                }
            }
        }
        if (targets.stream().anyMatch(t -> !t.lipSyncedCast().isEmpty())) {
            source.ifPresent(m -> LipSyncChecks.requireSpliceablePicture(m, errors));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Validated(territory.get(), purpose.get(), priority, maxTempo, originalLanguage, loudness.get(), targets,
                usedVoices);
    }


    private static void requireSound(String field, MediaAsset m, List<FieldError> errors) {
        if (m.hasAudio().filter(has -> !has).isPresent()) {
            errors.add(new FieldError(field, "media " + m.id() + " (" + m.originalName() + ") has no audio stream"
                    + (field.equals("sourceMediaId") ? ": supply an M&E stem to mix the dub over" : "")));
        }
    }

    private Optional<MediaAsset> readyMedia(String field, UUID id, boolean required, List<FieldError> errors) {
        if (id == null) {
            if (required) {
                errors.add(new FieldError(field, "required"));
            }
            return Optional.empty();
        }
        Optional<MediaAsset> m = media.find(id);
        if (m.isEmpty()) {
            errors.add(new FieldError(field, "no media with this id"));
        } else if (m.get().state() != MediaState.READY) {
            errors.add(new FieldError(field, "media " + id + " is " + m.get().state() + ", not READY"));
            return Optional.empty();
        }
        return m;
    }

    private Optional<JobTarget> target(String path, JobRequest.TargetRequest t, Duration mediaLength, Set<String> languages,
                                       JobScripts.Reading reading, Map<UUID, Voice> usedVoices, List<FieldError> errors) {
        if (t == null) {
            errors.add(new FieldError(path, "required"));
            return Optional.empty();
        }
        int before = errors.size();
        Optional<LanguageTag> language = LanguageTag.parse(t.language());
        if (language.isEmpty()) {
            errors.add(new FieldError(path + ".language", "a valid BCP 47 language tag"));
        } else if (!languages.add(language.get().value())) {
            errors.add(new FieldError(path + ".language", language.get().value() + " is targeted twice"));
        }
        List<Cue> cues = reading.read(path + ".script", t.script(), errors);
        Map<String, CastLine> cast = cast(path + ".characters", t.characters(), language, usedVoices, errors);
        JobScripts.checkCues(path + ".script", cues, cast, mediaLength, errors);
        LipSyncChecks.requireShots(path + ".characters", cast.values(), cues, errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new JobTarget(language.get().value(), ScriptFormat.valueOf(t.script().format()).name(), cues,
                List.copyOf(cast.values())));
    }

    private Map<String, CastLine> cast(String path, List<JobRequest.CharacterRequest> characters,
                                       Optional<LanguageTag> language, Map<UUID, Voice> usedVoices,
                                       List<FieldError> errors) {
        Map<String, CastLine> cast = new java.util.LinkedHashMap<>();
        if (characters == null || characters.isEmpty()) {
            errors.add(new FieldError(path, "the cast plan is required: every character of the script"));
            return cast;
        }
        for (int i = 0; i < characters.size(); i++) {
            String at = path + "[" + i + "]";
            JobRequest.CharacterRequest c = characters.get(i);
            if (c == null || c.character() == null || c.character().isBlank()) {
                errors.add(new FieldError(at + ".character", "required"));
                continue;
            }
            if (c.character().strip().length() > JobScripts.CHARACTER_COLUMN) {
                errors.add(new FieldError(at + ".character", "at most " + JobScripts.CHARACTER_COLUMN + " characters"));
                continue;
            }
            Optional<JobPlan.Approach> approach = Arrays.stream(JobPlan.Approach.values())
                    .filter(a -> a.name().equals(c.approach())).findFirst();
            if (approach.isEmpty()) {
                errors.add(new FieldError(at + ".approach", "HUMAN, SYNTHETIC or ORIGINAL"));
                continue;
            }
            if (approach.get() == JobPlan.Approach.SYNTHETIC) {
                Optional<Voice> voice = Optional.ofNullable(c.voiceId()).flatMap(voices::find);
                if (voice.isEmpty()) {
                    errors.add(new FieldError(at + ".voiceId", "a SYNTHETIC character needs a voice (POST /voices)"));
                } else {
                    usedVoices.put(voice.get().id(), voice.get());
                    language.ifPresent(l -> checkVoiceSpeaks(at + ".voiceId", voice.get(), l, errors));
                }
            }
            if (approach.get() == JobPlan.Approach.HUMAN) {
                readyMedia(at + ".dubStemMediaId", c.dubStemMediaId(), true, errors)
                        .ifPresent(m -> requireSound(at + ".dubStemMediaId", m, errors));
            }
            if (approach.get() == JobPlan.Approach.ORIGINAL && c.lipSync() != null) {
                // the original voice over the original mouth: there is nothing to re-draw it to
                errors.add(new FieldError(at + ".lipSync", "an ORIGINAL character keeps its own performance: lip-sync "
                        + "is for a HUMAN or SYNTHETIC dub"));
            }
            Optional<JobPlan.LipSync> lipSync = lipSyncs.request(at + ".lipSync", c.lipSync(), errors);
            if (cast.put(c.character().strip(), new CastLine(c.character().strip(), approach.get(), c.voiceId(),
                    c.dubStemMediaId(), lipSync)) != null) {
                errors.add(new FieldError(at + ".character", c.character() + " is cast twice"));
            }
        }
        return cast;
    }


    private void checkVoiceSpeaks(String path, Voice voice, LanguageTag language, List<FieldError> errors) {
        Optional<AiModel> model = models.find(voice.modelId());
        Optional<String> engine = model.map(AiModel::engine);
        if (engine.flatMap(VoiceEngines::named).isEmpty()) {
            errors.add(new FieldError(path, "voice " + voice.name() + " runs on engine "
                    + engine.orElse("?") + ", which is not installed here"));
            return;
        }
        try {
            if (VoiceEngines.named(engine.get()).get().voiceFor(language.value()).isEmpty()) {
                errors.add(new FieldError(path, "voice " + voice.name() + " (" + engine.get() + ") does not speak "
                        + language.value()));
            }
        } catch (EngineException e) {
            errors.add(new FieldError(path, e.getMessage()));
        }
    }

    public PlanInput planOf(UUID jobId, JobRequest r, Validated v) {
        List<PlanInput.TargetInput> targets = new ArrayList<>();
        for (JobTarget t : v.targets()) {
            List<PlanInput.CharacterInput> characters = new ArrayList<>();
            for (CastLine line : t.cast()) {
                Optional<Voice> voice = line.voiceId().map(v.voices()::get);
                characters.add(new PlanInput.CharacterInput(line.character(), line.approach().name(),
                        voice.flatMap(Voice::performerId).orElse(null), voice.map(Voice::modelId).orElse(null),
                        line.lipSync().map(l -> new PlanInput.LipSyncInput(l.onScreenPerformerId(), l.modelId()))
                                .orElse(null)));
            }
            targets.add(new PlanInput.TargetInput(t.language(), characters));
        }
        return new PlanInput(r.title().strip(), v.territory().code(), v.purpose().name(), null, jobId, targets);
    }
}
