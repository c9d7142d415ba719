package org.dubgate.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.job.TaskSteps;
import org.dubgate.application.media.MediaService;
import org.dubgate.application.port.WorkItem;

import java.util.Optional;
import java.util.logging.Logger;

/** Turns a work item that will never run into a FAILED state on its subject, with the reason. */
@ApplicationScoped
public class DeadWorkRecorder {

    private static final Logger LOG = Logger.getLogger(DeadWorkRecorder.class.getName());

    @Inject
    MediaService media;
    @Inject
    TaskSteps tasks;

    void record(WorkItem item, Optional<String> why) {
        LOG.warning(() -> "giving up on " + item + why.map(w -> ": " + w).orElse(" after its last retry"));
        switch (item.kind()) {
            case PROBE_MEDIA -> media.failAfterRetries(item.subjectId(), why);
            case SYNTHESIZE, MIX, ASSEMBLE -> tasks.failAfterRetries(item.subjectId(), why);
        }
    }
}
