package org.dubgate.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.dubgate.application.job.JobProgressFeed;

/**
 * Hands every job event published on the {@code dubgate.job-events} topic to this node's progress
 * subscribers. Each node has its own non-durable subscription, so each hears every event; one
 * session keeps them in order. A client that misses one catches up from the database.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/dubgate/job-events"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobEventRelay implements MessageListener {

    @Inject
    JobProgressFeed feed;

    @Override
    public void onMessage(Message message) {
        try {
            feed.relay(((TextMessage) message).getText());
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable job event: " + e.getMessage(), e);
        }
    }
}
