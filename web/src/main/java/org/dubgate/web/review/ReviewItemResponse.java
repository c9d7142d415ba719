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
                                 String state, String note, String reviewer, Instant decidedAt, Links links) {

    public record Voice(String id, String name) {
    }

    public record Model(String id, String name, String engine, String version, String sha256) {
    }

    public record Links(String line, String mix, String original) {
    }

    public static ReviewItemResponse of(ReviewService.ItemView v) {
        ReviewItem i = v.item();
        String base = "/api/v1/review-items/" + i.id();
        // a LINE item: the line, its span in the mix, the original; a CHECK item: the whole mix it is about
        Links links = i.kind() == ReviewItem.Kind.LINE ? new Links(i.outputId().map(o -> "/api/v1/jobs/" + i.jobId()
                + "/outputs/" + o + "/audio").orElse(null), base + "/mix", base + "/original")
                : new Links(null, v.mix().map(m -> "/api/v1/jobs/" + i.jobId() + "/deliverables/" + m.id() + "/content")
                .orElse(null), null);
        return new ReviewItemResponse(i.id().toString(), i.jobId().toString(), i.round(), i.kind().name(), i.language(),
                i.cueId().orElse(null), i.character().orElse(null), i.text().orElse(null),
                i.start().map(ReviewItemResponse::seconds).orElse(null), i.end().map(ReviewItemResponse::seconds).orElse(null),
                i.outputId().map(Object::toString).orElse(null),
                v.voice().map(x -> new Voice(x.id().toString(), x.name())).orElse(null),
                v.model().map(m -> new Model(m.id().toString(), m.name(), m.engine(), m.modelVersion(),
                        v.output().orElseThrow().modelSha256())).orElse(null),
                v.output().flatMap(o -> o.grantId()).map(Object::toString).orElse(null), i.flags(),
                v.checks().stream().map(CheckResponse::of).toList(), i.state().name(), i.note().orElse(null),
                i.reviewer().orElse(null), i.decidedAt().orElse(null), links);
    }

    private static double seconds(java.time.Duration d) {
        return Math.round(d.toNanos() / 1e6) / 1000.0;
    }
}
