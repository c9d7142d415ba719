package org.dubgate.it;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The running server's task queue, through its management API: paused, nothing is delivered to the
 * workers (jobs are accepted and wait), so a test can measure or act while nothing moves.
 */
public final class TaskQueue {

    private TaskQueue() {
    }

    public static void pause(ManagementClient management) throws Exception {
        operation(management, "pause");
    }

    public static void resume(ManagementClient management) throws Exception {
        operation(management, "resume");
    }

    private static void operation(ManagementClient management, String name) throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        op.get("address").add("subsystem", "messaging-activemq").add("server", "default")
                .add("jms-queue", "dubgate.tasks");
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }
}
