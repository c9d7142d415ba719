package org.dubgate.domain.job;

/**
 * The stages a job's work goes through, in pipeline order (DESIGN.md § Pipeline). The order of the
 * entries is the order of the stages: a stage made "when fed" becomes due in its scope (one
 * language, or the whole job) once every task of an earlier stage in that scope has succeeded.
 * Adding a stage is one entry here and one {@code Stage} implementation in the application layer;
 * {@link DubbingJob#tasksDue} decides the rest.
 */
public enum TaskKind {
    /** A batch of one character's cues in one language, made from the cast plan at submission. */
    SYNTHESIZE(Scope.LANGUAGE, Origin.CAST_PLAN),
    /** One language's dialogue stem and full mix, once everything feeding the language has ended. */
    MIX(Scope.LANGUAGE, Origin.WHEN_FED),
    /** One language's automatic QA: loudness, peaks, duration and tags of its mix, and every line's audio and words. */
    CHECK(Scope.LANGUAGE, Origin.WHEN_FED),
    /** The picture with the original and every language's mix, once every language is mixed and checked. */
    ASSEMBLE(Scope.JOB, Origin.WHEN_FED);

    /** What a task of the kind covers. */
    public enum Scope {
        /** One target language. */
        LANGUAGE,
        /** The whole job, every language. */
        JOB
    }

    /** How tasks of the kind come to exist. */
    public enum Origin {
        /** Made at submission from the cast plan, as many as the plan needs. */
        CAST_PLAN,
        /** Made exactly once per scope, by the fan-in, when the earlier stages of that scope have succeeded. */
        WHEN_FED
    }

    private final Scope scope;
    private final Origin origin;

    TaskKind(Scope scope, Origin origin) {
        this.scope = scope;
        this.origin = origin;
    }

    public Scope scope() {
        return scope;
    }

    public Origin origin() {
        return origin;
    }
}
