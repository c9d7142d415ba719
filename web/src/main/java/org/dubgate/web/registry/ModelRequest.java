package org.dubgate.web.registry;

import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.ExecutionSite;
import org.dubgate.domain.model.ModelKind;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.media.voice.VoiceEngines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A model registration: what it is, where its artifact lives on the server, and its licence and data
 * terms. Also the body of an approval ({@code note}, {@code overrideApprovalId}).
 */
public record ModelRequest(String name, String kind, String engine, String version, String artifactLocation,
                           String licence, String trainingData, Boolean trainingDataLicensed, Boolean storesInputs,
                           Boolean trainsOnInputs, String executionSite, String note, UUID overrideApprovalId) {

    public AiModel.Declaration declaration() {
        List<FieldError> errors = new ArrayList<>();
        ModelKind k = parse(ModelKind.class, "kind", kind, errors);
        ExecutionSite site = parse(ExecutionSite.class, "executionSite", executionSite, errors);
        for (var flag : List.of(java.util.Map.entry("trainingDataLicensed", trainingDataLicensed == null),
                java.util.Map.entry("storesInputs", storesInputs == null),
                java.util.Map.entry("trainsOnInputs", trainsOnInputs == null))) {
            if (flag.getValue()) {
                errors.add(new FieldError(flag.getKey(), "required: true or false"));
            }
        }
        AiModel.Declaration d = new AiModel.Declaration(name, k, engine, version, artifactLocation, licence, trainingData,
                Boolean.TRUE.equals(trainingDataLicensed), Boolean.TRUE.equals(storesInputs),
                Boolean.TRUE.equals(trainsOnInputs), site);
        // an installed engine may leave its artifact location and version out: the registry takes them
        // from the engine itself, and refuses a location that is not exactly what the engine runs from
        boolean installedEngine = engine != null && VoiceEngines.named(engine.strip()).isPresent();
        d.errors().stream().filter(e -> errors.stream().noneMatch(x -> x.field().equals(e.field())))
                .filter(e -> !(installedEngine && (e.field().equals("artifactLocation") || e.field().equals("version"))))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return d;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<FieldError> errors) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElseGet(() -> {
            errors.add(new FieldError(field, "one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        });
    }
}
