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
    public void enqueue(WorkItem item) {
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setProperty(WorkItemMessages.KIND_PROPERTY, item.kind().name())
                .send(tasks, WorkItemMessages.toJson(item));
    }
}
