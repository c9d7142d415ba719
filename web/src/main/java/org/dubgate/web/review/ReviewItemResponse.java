package org.dubgate.web.review;

import org.dubgate.application.review.ReviewService;
import org.dubgate.domain.review.ReviewItem;
import org.dubgate.web.job.CheckResponse;

import java.time.Instant;
import java.util.List;

/**
 * One review item as QA sees it: the line (text, character, language, time range in seconds), what
 * made it (voice, model with version and artifact hash, the covering grant), its flags — with every
 * check and its figure on the one-item view — the verdict so far, and where to listen: the line
 * alone, the full mix over its span with 2 s either side, and the original over the same span; for a
 * CHECK item, the whole mix it is about.
 */
public record ReviewItemResponse(String id, String jobId, int round, String kind, String language, String cueId,
                                 String character, String text, Double start, Double end, String outputId,
                                 Voice voice, Model model, String grantId, List<String> flags, List<CheckResponse> checks,
                                 String state, String note, String reviewer, Instant decidedAt, Shot shot, Links links) {

    public record Voice(String id, String name) {
    }

    public record Model(String id, String name, String engine, String version, String sha256) {
    }

    /**
     * A SHOT item's lip-synced shot: how well the mouth moved with the dub before and after (correlation
     * at offset 0), the mouth region re-drawn (source pixels), the stretch re-encoded by whole GOPs.
     */
    public record Shot(String id, double syncBefore, double syncAfter, Region mouth, double reencodedStart,
                       double reencodedEnd, int firstFrame, int lastFrame, int framesAltered, int framesWithFace,
                       String performerId, boolean quarantined) {
    }

    public record Region(int x, int y, int width, int height) {
    }

    public record Links(String line, String mix, String original, String still) {
    }

    public static ReviewItemResponse of(ReviewService.ItemView v) {
        ReviewItem i = v.item();
        String base = "/api/v1/review-items/" + i.id();
        // a LINE item: the line, its span in the mix, the original; a CHECK item: the whole mix it is about
        // a SHOT item: its before|after still, the mix and the original over its span
        Links links = switch (i.kind()) {
            case LINE -> new Links(i.outputId().map(o -> "/api/v1/jobs/" + i.jobId() + "/outputs/" + o + "/audio")
                    .orElse(null), base + "/mix", base + "/original", null);
            case CHECK -> new Links(null, v.mix().map(m -> "/api/v1/jobs/" + i.jobId() + "/deliverables/" + m.id()
                    + "/content").orElse(null), null, null);
            case SHOT -> new Links(null, base + "/mix", base + "/original", base + "/still");
        };
        Shot shot = v.shot().map(s -> new Shot(s.id().toString(), s.syncBefore(), s.syncAfter(), new Region(s.mouth().x(),
                s.mouth().y(), s.mouth().width(), s.mouth().height()), seconds(s.reencoded().start()),
                seconds(s.reencoded().end()), s.firstFrame(), s.lastFrame(), s.framesAltered(), s.framesWithFace(),
                s.performerId().toString(), s.quarantined())).orElse(null);
        String modelSha = v.output().map(o -> o.modelSha256()).or(() -> v.shot().map(s -> s.modelSha256())).orElse(null);
        String grant = v.output().flatMap(o -> o.grantId()).or(() -> v.shot().flatMap(s -> s.grantId()))
                .map(Object::toString).orElse(null);
        return new ReviewItemResponse(i.id().toString(), i.jobId().toString(), i.round(), i.kind().name(), i.language(),
                i.cueId().orElse(null), i.character().orElse(null), i.text().orElse(null),
                i.start().map(ReviewItemResponse::seconds).orElse(null), i.end().map(ReviewItemResponse::seconds).orElse(null),
                i.outputId().map(Object::toString).orElse(null),
                v.voice().map(x -> new Voice(x.id().toString(), x.name())).orElse(null),
                v.model().map(m -> new Model(m.id().toString(), m.name(), m.engine(), m.modelVersion(), modelSha))
                        .orElse(null), grant, i.flags(),
                v.checks().stream().map(CheckResponse::of).toList(), i.state().name(), i.note().orElse(null),
                i.reviewer().orElse(null), i.decidedAt().orElse(null), shot, links);
    }

    private static double seconds(java.time.Duration d) {
        return Math.round(d.toNanos() / 1e6) / 1000.0;
    }
}
