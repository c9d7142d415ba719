package org.dubgate.application.port;

import java.util.UUID;

/** One unit of background work: what to do and to which aggregate. Travels as small JSON, never serialized Java. */
public record WorkItem(Kind kind, UUID subjectId) {

    public enum Kind {
        /** Probe an uploaded media asset (subject: the media asset). */
        PROBE_MEDIA,
        /** Run a job's task through its stage (subject: the task; its kind says which stage). */
        RUN_TASK
    }

    public static WorkItem task(UUID taskId) {
        return new WorkItem(Kind.RUN_TASK, taskId);
    }
}
