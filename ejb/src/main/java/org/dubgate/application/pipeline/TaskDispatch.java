package org.dubgate.application.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.port.WorkItem;
import org.dubgate.application.port.WorkQueue;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTask;

/**
 * Adds a task and its queue message inside the caller's transaction: they commit together or not at
 * all. The message names only the task; the runner reads its kind.
 */
@ApplicationScoped
public class TaskDispatch {

    @Inject
    JobRepository jobs;
    @Inject
    WorkQueue queue;

    public void dispatch(JobTask task) {
        jobs.addTask(task);
        queue.enqueue(WorkItem.task(task.id()));
    }

    /** Sends the message of a task that exists already (its earlier one was consumed by a worker that died). */
    public void dispatchAgain(JobTask task) {
        queue.enqueue(WorkItem.task(task.id()));
    }
}
