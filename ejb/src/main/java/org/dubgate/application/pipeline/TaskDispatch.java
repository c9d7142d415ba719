package org.dubgate.application.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.port.WorkItem;
import org.dubgate.application.port.WorkQueue;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTask;

/**
 * Adds a task and its queue message inside the caller's transaction: they commit together or not at
 * all. The message names only the task; the runner reads its kind. Its priority is the job's word on
 * how urgent the task is ({@link DubbingJob#queuePriority}).
 */
@ApplicationScoped
public class TaskDispatch {

    @Inject
    JobRepository jobs;
    @Inject
    WorkQueue queue;

    public void dispatch(DubbingJob job, JobTask task) {
        jobs.addTask(task);
        dispatchAgain(job, task);
    }

    /** Sends the message of a task that exists already (its earlier one was consumed by a worker that died). */
    public void dispatchAgain(DubbingJob job, JobTask task) {
        queue.enqueue(WorkItem.task(task.id()), job.queuePriority());
    }
}
