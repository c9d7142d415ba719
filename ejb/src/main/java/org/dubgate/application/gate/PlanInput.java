package org.dubgate.application.gate;

import org.dubgate.domain.consent.LanguageTag;
import org.dubgate.domain.consent.Purpose;
import org.dubgate.domain.consent.Territory;
import org.dubgate.domain.consent.TitleCode;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.shared.EnumNames;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.domain.shared.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A job plan as a client writes it (the body of {@code POST /consent-checks}); {@link #toPlan}
 * checks it and reports every problem with its path, e.g. {@code targets[1].characters[0].voiceModelId}.
 */
public record PlanInput(String title, String territory, String purpose, Instant at, UUID jobId,
                        List<TargetInput> targets) {

    public record TargetInput(String language, List<CharacterInput> characters) {
    }

    public record CharacterInput(String name, String approach, UUID voicePerformerId, UUID voiceModelId,
                                 LipSyncInput lipSync) {
    }

    public record LipSyncInput(UUID onScreenPerformerId, UUID modelId) {
    }

    public JobPlan toPlan(Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Optional<TitleCode> titleCode = TitleCode.parse(title);
        if (titleCode.isEmpty()) {
            errors.add(new FieldError("title", "an explicit title code"));
        }
        Optional<Territory> where = Territory.parse(territory);
        if (where.isEmpty()) {
            errors.add(new FieldError("territory", "an ISO 3166-1 alpha-2 country code or WORLDWIDE"));
        }
        Optional<Purpose> why = EnumNames.find(Purpose.class, purpose);
        if (why.isEmpty()) {
            errors.add(new FieldError("purpose", "TEMP or FINAL"));
        }
        List<JobPlan.Target> parsedTargets = new ArrayList<>();
        if (targets == null || targets.isEmpty()) {
            errors.add(new FieldError("targets", "at least one target language is required"));
        } else {
            for (int t = 0; t < targets.size(); t++) {
                parseTarget("targets[" + t + "]", targets.get(t), errors).ifPresent(parsedTargets::add);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new JobPlan(titleCode.get(), where.get(), why.get(), at == null ? now : at, Optional.ofNullable(jobId),
                parsedTargets);
    }

    private static Optional<JobPlan.Target> parseTarget(String path, TargetInput input, List<FieldError> errors) {
        if (input == null) {
            errors.add(new FieldError(path, "required"));
            return Optional.empty();
        }
        Optional<LanguageTag> language = LanguageTag.parse(input.language());
        if (language.isEmpty()) {
            errors.add(new FieldError(path + ".language", "a valid BCP 47 language tag"));
        }
        List<JobPlan.Character> characters = new ArrayList<>();
        if (input.characters() == null || input.characters().isEmpty()) {
            errors.add(new FieldError(path + ".characters", "at least one character is required"));
        } else {
            for (int c = 0; c < input.characters().size(); c++) {
                parseCharacter(path + ".characters[" + c + "]", input.characters().get(c), errors).ifPresent(characters::add);
            }
        }
        return language.map(l -> new JobPlan.Target(l, characters));
    }

    private static Optional<JobPlan.Character> parseCharacter(String path, CharacterInput c, List<FieldError> errors) {
        if (c == null) {
            errors.add(new FieldError(path, "required"));
            return Optional.empty();
        }
        int before = errors.size();
        if (Text.trimmed(c.name()).isEmpty()) {
            errors.add(new FieldError(path + ".name", "required"));
        }
        Optional<JobPlan.Approach> approach = Arrays.stream(JobPlan.Approach.values())
                .filter(a -> a.name().equals(c.approach())).findFirst();
        if (approach.isEmpty()) {
            errors.add(new FieldError(path + ".approach", "HUMAN, SYNTHETIC or ORIGINAL"));
        } else if (approach.get() == JobPlan.Approach.SYNTHETIC && c.voiceModelId() == null) {
            errors.add(new FieldError(path + ".voiceModelId", "a SYNTHETIC character needs a voice model"));
        } else if (approach.get() != JobPlan.Approach.SYNTHETIC && (c.voiceModelId() != null || c.voicePerformerId() != null)) {
            errors.add(new FieldError(path + ".approach", "only a SYNTHETIC character has a voice model or voice performer"));
        }
        if (c.lipSync() != null && (c.lipSync().onScreenPerformerId() == null || c.lipSync().modelId() == null)) {
            errors.add(new FieldError(path + ".lipSync", "needs onScreenPerformerId and modelId"));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new JobPlan.Character(c.name().strip(), approach.get(), Optional.ofNullable(c.voicePerformerId()),
                Optional.ofNullable(c.voiceModelId()), Optional.ofNullable(c.lipSync())
                .map(l -> new JobPlan.LipSync(l.onScreenPerformerId(), l.modelId()))));
    }
}
