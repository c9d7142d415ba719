package org.dubgate.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.dubgate.application.port.WorkItem;
import org.dubgate.application.port.WorkQueue;

/** Sends work items through the container's transactional JMS context, so they leave only on commit. */
@ApplicationScoped
public class JmsWorkQueue implements WorkQueue {

    public static final String TASKS = "java:/jms/dubgate/tasks";

    @Inject
    JMSContext jms;

    @Resource(lookup = TASKS)
    Queue tasks;

    @Override
    public void enqueue(WorkItem item, int priority) {
        if (priority < 0 || priority > 9) {
            throw new IllegalArgumentException("a JMS priority is 0 to 9, not " + priority);
        }
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setPriority(priority)
                .setProperty(WorkItemMessages.KIND_PROPERTY, item.kind().name())
                .send(tasks, WorkItemMessages.toJson(item));
    }
}
