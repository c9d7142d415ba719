package org.dubgate.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.Optional;

/** Work items that expired on the queue before any worker took them: their subject is marked FAILED. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/dubgate/tasks-expired"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class ExpiredWorkWorker implements MessageListener {

    @Inject
    DeadWorkRecorder recorder;

    @Override
    public void onMessage(Message message) {
        recorder.record(WorkItemMessages.read(message),
                Optional.of("the work item expired on the queue before a worker took it"));
    }
}
