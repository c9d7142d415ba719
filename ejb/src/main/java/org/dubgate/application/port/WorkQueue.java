package org.dubgate.application.port;

/**
 * The shared task queue. Enqueuing joins the caller's transaction: the message is sent only if the
 * database change that made the work commits too.
 */
public interface WorkQueue {

    /** JMS's default priority: an item no more urgent than any other. */
    int NORMAL = 4;
    /** The highest: an upload someone is waiting to see probed, a few seconds of work. */
    int INTERACTIVE = 9;

    /**
     * @param priority 0 (served last) to 9 (first): the queue hands out the most urgent item waiting to
     *                 the next free worker; items of one priority in the order they came
     */
    void enqueue(WorkItem item, int priority);

    default void enqueue(WorkItem item) {
        enqueue(item, NORMAL);
    }
}
