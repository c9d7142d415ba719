package org.dubgate.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.Optional;

/**
 * Consumes the task queue's dead letters in the same transaction as the state change it makes, so
 * a dead letter is removed only once its subject says FAILED. If even that fails, the broker moves
 * it on to the server-wide DLQ, where an operator sees it.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/dubgate/tasks-dlq"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class DeadLetterWorker implements MessageListener {

    @Inject
    DeadWorkRecorder recorder;

    @Override
    public void onMessage(Message message) {
        recorder.record(WorkItemMessages.read(message), Optional.empty());
    }
}
