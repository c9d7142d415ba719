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
    /**
     * One language's lip-synced picture, in a language whose cast re-draws an on-screen mouth: every
     * such character's shots altered to the language's dialogue stem, once it is mixed and checked.
     */
    LIP_SYNC(Scope.LANGUAGE, Origin.WHEN_FED) {
        @Override
        public boolean neededIn(JobTarget target) {
            return !target.lipSyncedCast().isEmpty();
        }
    },
    /**
     * The programme: the picture with the original and every language's mix; and one programme per
     * lip-synced language, its altered picture with that language's mix — once every language is done.
     */
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

    /** Whether a language-scoped stage has work in this target (every stage but LIP_SYNC has, in every target). */
    public boolean neededIn(JobTarget target) {
        return true;
    }

    public Scope scope() {
        return scope;
    }

    public Origin origin() {
        return origin;
    }
}
