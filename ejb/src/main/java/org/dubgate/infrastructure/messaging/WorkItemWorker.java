package org.dubgate.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.dubgate.application.media.MediaProbeWorker;
import org.dubgate.application.pipeline.StageRunner;
import org.dubgate.application.port.WorkItem;

import java.util.logging.Logger;

/**
 * Runs work items from the task queue. Delivery is not transacted (media work outlasts a JTA
 * transaction); each step commits its own short transactions. A failure propagates: the resource
 * adapter rolls the session back, Artemis redelivers with back-off, and after the configured number
 * of attempts moves the message to the dead-letter queue. Nothing is caught and dropped here.
 *
 * <p>How many run at once is {@code dubgate.workers}: the engines and the mix are CPU-bound, so a worker
 * per core suits them ({@code dubgate.sh start} passes the core count). Without the property it is 2 —
 * an expression cannot ask for the core count, and more workers than cores only make engines contend.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JmsWorkQueue.TASKS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${dubgate.workers:2}")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorkItemWorker implements MessageListener {

    private static final Logger LOG = Logger.getLogger(WorkItemWorker.class.getName());

    @Inject
    MediaProbeWorker probes;
    @Inject
    StageRunner stages;

    @Override
    public void onMessage(Message message) {
        WorkItem item = WorkItemMessages.read(message);
        int delivery = WorkItemMessages.deliveryCount(message);
        LOG.fine(() -> "running " + item + " (delivery " + delivery + ")");
        switch (item.kind()) {
            case PROBE_MEDIA -> probes.probe(item.subjectId(), delivery);
            case RUN_TASK -> stages.run(item.subjectId());
        }
    }
}
