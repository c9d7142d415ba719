package org.dubgate.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.dubgate.application.media.MediaService;
import org.dubgate.application.pipeline.StageTransactions;
import org.dubgate.application.port.WorkItem;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Consumes the task queue's dead letters — work whose last attempt failed — in the same transaction
 * as the FAILED state it gives their subject (with the reason its last attempt recorded), so a dead
 * letter is removed only once its subject says FAILED. If even that fails, the broker moves it on to
 * the server-wide DLQ, where an operator sees it.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/dubgate/tasks-dlq"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class DeadLetterWorker implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeadLetterWorker.class.getName());

    @Inject
    MediaService media;
    @Inject
    StageTransactions tasks;

    @Override
    public void onMessage(Message message) {
        WorkItem item = WorkItemMessages.read(message);
        LOG.warning(() -> "giving up on " + item + " after its last attempt");
        switch (item.kind()) {
            case PROBE_MEDIA -> media.failAfterRetries(item.subjectId(), Optional.empty());
            case RUN_TASK -> tasks.failAfterRetries(item.subjectId(), Optional.empty());
        }
    }
}
