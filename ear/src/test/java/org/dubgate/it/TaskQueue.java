package org.dubgate.it;

import org.jboss.dmr.ModelNode;

/**
 * The running server's task queue, through its management API: paused, nothing is delivered to the
 * workers (jobs are accepted and wait), so a test can measure or act while nothing moves.
 */
public final class TaskQueue {

    private TaskQueue() {
    }

    public static void pause() throws Exception {
        operation("pause");
    }

    public static void resume() throws Exception {
        operation("resume");
    }

    private static void operation(String name) throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        op.get("address").add("subsystem", "messaging-activemq").add("server", "default")
                .add("jms-queue", "dubgate.tasks");
        Management.run(op);
    }
}
