package org.dubgate.application.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.pipeline.MouthEngines;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.job.CastLine;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.AiModelRepository;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.media.lipsync.PictureAlteration;
import org.dubgate.media.script.Cue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a job request's lip-sync must be before the gate is asked (400 otherwise): both ids and a model
 * on an engine this server runs, cues of the character (its shots), and a source whose picture can be
 * spliced. Whether the performer consented and the model is approved is the gate's to say (409).
 */
@ApplicationScoped
public class LipSyncChecks {

    @Inject
    AiModelRepository models;

    /**
     * A lip-sync request names its performer and a LIP_SYNC model that runs on an engine this server
     * has; whether the performer consented and the model is approved is the gate's to say (409).
     */
    Optional<JobPlan.LipSync> request(String path, JobRequest.LipSyncRequest l, List<FieldError> errors) {
        if (l == null) {
            return Optional.empty();
        }
        if (l.onScreenPerformerId() == null) {
            errors.add(new FieldError(path + ".onScreenPerformerId", "required: the performer seen on screen"));
        }
        if (l.modelId() == null) {
            errors.add(new FieldError(path + ".modelId", "required: a LIP_SYNC model (POST /models)"));
        } else {
            Optional<AiModel> model = models.find(l.modelId());
            if (model.isEmpty()) {
                errors.add(new FieldError(path + ".modelId", "no model with this id"));
            } else if (model.get().kind() == org.dubgate.domain.model.ModelKind.LIP_SYNC
                    && !MouthEngines.runs(model.get().engine())) {
                errors.add(new FieldError(path + ".modelId", "model " + model.get().name() + " runs on engine "
                        + model.get().engine() + ", which is not installed here (" + String.join(", ",
                        MouthEngines.NAMES) + ")"));
            }
        }
        return l.onScreenPerformerId() == null || l.modelId() == null ? Optional.empty()
                : Optional.of(new JobPlan.LipSync(l.onScreenPerformerId(), l.modelId()));
    }

    /**
     * Lip-sync re-encodes the source's GOPs around each shot and copies the rest: the source needs a
     * picture in a codec whose GOPs can be spliced, which the probe says before any work is done.
     */
    static void requireSpliceablePicture(MediaAsset m, List<FieldError> errors) {
        Optional<String> codec = m.probeJson().map(j -> {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(j))) {
                return reader.readObject().getJsonArray("streams").getValuesAs(jakarta.json.JsonObject.class).stream()
                        .filter(st -> "video".equals(st.getString("type", ""))).map(st -> st.getString("codec", "?"))
                        .findFirst().orElse(null);
            }
        });
        if (codec.isEmpty()) {
            errors.add(new FieldError("sourceMediaId", "media " + m.id() + " has no picture: nothing to lip-sync"));
        } else if (!PictureAlteration.SPLICEABLE_CODECS.contains(codec.get())) {
            errors.add(new FieldError("sourceMediaId", "media " + m.id() + " is " + codec.get() + " video: lip-sync "
                    + "splices re-encoded GOPs into " + String.join(", ",
                    PictureAlteration.SPLICEABLE_CODECS) + " only (convert the source first)"));
        }
    }

    /** A lip-synced character's cues are the shots to alter: a character without one in the script has none. */
    static void requireShots(String path, Collection<CastLine> cast, List<Cue> cues, List<FieldError> errors) {
        cast.stream().filter(c -> c.lipSync().isPresent() && cues.stream()
                .noneMatch(q -> q.character().filter(c.character()::equals).isPresent())).forEach(c -> errors.add(
                new FieldError(path, c.character() + " is lip-synced but has no cue in this script: "
                        + "its cues are the shots to alter")));
    }
}
