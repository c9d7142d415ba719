package org.dubgate.application.port;

/**
 * The shared task queue. Enqueuing joins the caller's transaction: the message is sent only if the
 * database change that made the work commits too.
 */
public interface WorkQueue {

    void enqueue(WorkItem item);
}
