package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTarget;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.TaskKind;
import org.dubgate.domain.job.TaskState;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaJobRepository implements JobRepository {

    private static final List<TaskState> ENDED = List.of(TaskState.SUCCEEDED, TaskState.FAILED, TaskState.BLOCKED,
            TaskState.CANCELLED);

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public Optional<DubbingJob> find(UUID id) {
        return Optional.ofNullable(em.find(DubbingJob.class, id));
    }

    @Override
    public Optional<DubbingJob> findByIdempotencyKey(String createdBy, String key) {
        return em.createQuery("select j from DubbingJob j where j.createdBy = :by and j.idempotencyKey = :key",
                DubbingJob.class).setParameter("by", createdBy).setParameter("key", key).getResultStream().findFirst();
    }

    @Override
    public void add(DubbingJob job) {
        em.persist(job);
    }

    @Override
    public Optional<JobTask> findTask(UUID id) {
        return Optional.ofNullable(em.find(JobTask.class, id));
    }

    @Override
    public Optional<JobTask> lockTask(UUID id) {
        return Optional.ofNullable(em.find(JobTask.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<JobTask> tasksOf(UUID jobId) {
        return em.createQuery("select t from JobTask t where t.jobId = :job order by t.language, t.character, t.id",
                JobTask.class).setParameter("job", jobId).getResultList();
    }

    @Override
    public void addTask(JobTask task) {
        em.persist(task);
    }

    @Override
    public void lockTarget(UUID jobId, String language) {
        em.createQuery("select t from JobTarget t where t.id = (select x.id from DubbingJob j join j.targets x "
                        + "where j.id = :job and x.language = :language)", JobTarget.class)
                .setParameter("job", jobId).setParameter("language", language)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public long unfinishedTasks(UUID jobId, TaskKind kind, String language) {
        return em.createQuery("select count(t) from JobTask t where t.jobId = :job and t.kind = :kind "
                        + "and t.language = :language and t.state not in :ended", Long.class)
                .setParameter("job", jobId).setParameter("kind", kind).setParameter("language", language)
                .setParameter("ended", ENDED).getSingleResult();
    }

    @Override
    public boolean markSynthesisDone(UUID jobId, String language) {
        return em.createNativeQuery("update job_target set synthesis_done = true "
                        + "where job_id = ? and language = ? and synthesis_done = false")
                .setParameter(1, jobId).setParameter(2, language).executeUpdate() == 1;
    }

    @Override
    public Optional<DubbingJob> lockJob(UUID id) {
        return Optional.ofNullable(em.find(DubbingJob.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public java.util.Set<UUID> jobsWithOpenTasksVoicedBy(UUID performerId) {
        return new java.util.TreeSet<>(em.createQuery("select distinct t.jobId from JobTask t where t.state not in :ended "
                        + "and t.voiceId in (select v.id from Voice v where v.performerId = :performer)", UUID.class)
                .setParameter("ended", ENDED).setParameter("performer", performerId).getResultList());
    }

    @Override
    public Optional<UUID> jobOfTask(UUID taskId) {
        return em.createQuery("select t.jobId from JobTask t where t.id = :id", UUID.class).setParameter("id", taskId)
                .getResultStream().findFirst();
    }

    @Override
    public List<JobTask> openTasksOf(UUID jobId) {
        return em.createQuery("select t from JobTask t where t.jobId = :job and t.state not in :ended", JobTask.class)
                .setParameter("job", jobId).setParameter("ended", ENDED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public List<CueOutput> outputsUnderGrant(UUID grantId) {
        return em.createQuery("select o from CueOutput o where o.grantId = :grant", CueOutput.class)
                .setParameter("grant", grantId).getResultList();
    }

    @Override
    public List<CueOutput> outputsOf(UUID taskId) {
        return em.createQuery("select o from CueOutput o where o.taskId = :task", CueOutput.class)
                .setParameter("task", taskId).getResultList();
    }

    @Override
    public List<CueOutput> outputsOfJob(UUID jobId) {
        return em.createQuery("select o from CueOutput o where o.jobId = :job", CueOutput.class)
                .setParameter("job", jobId).getResultList();
    }

    @Override
    public void addOutput(CueOutput output) {
        em.persist(output);
    }

    @Override
    public List<Deliverable> deliverablesOf(UUID jobId) {
        return em.createQuery("select d from Deliverable d where d.jobId = :job order by d.createdAt, d.kind",
                Deliverable.class).setParameter("job", jobId).getResultList();
    }

    @Override
    public void addDeliverable(Deliverable deliverable) {
        em.persist(deliverable);
    }
}
