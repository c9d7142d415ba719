package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobEvent;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.QaCheck;
import org.dubgate.domain.job.TaskKind;
import org.dubgate.domain.job.TaskState;
import org.dubgate.domain.job.TaskSummary;
import org.dubgate.domain.job.Worker;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The job aggregate's persistence: the job and what it owns — its tasks, outputs, files, QA checks and
 * events — one JPQL query a method, each reading only what its caller shows (task summaries and line
 * references by projection, pages by cursor). It runs past 300 lines because the aggregate is one
 * repository ({@link JobRepository}); split by table, a stage would have to know which of several
 * repositories holds the job's parts.
 */
@ApplicationScoped
public class JpaJobRepository implements JobRepository {

    private static final List<TaskState> ENDED = List.of(TaskState.SUCCEEDED, TaskState.FAILED, TaskState.BLOCKED,
            TaskState.CANCELLED);
    private static final String SUMMARY = "select new org.dubgate.domain.job.TaskSummary(t.id, t.kind, t.language, "
            + "t.character, t.cueCount, t.state, t.attempts, t.lastError, t.startedAt, t.updatedAt, t.worker, t.round) from JobTask t ";

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

    /** Newest first (see {@link NewestFirst}). */
    @Override
    public Page<DubbingJob> list(JobQuery query, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select x from DubbingJob x where 1 = 1");
        query.state().ifPresent(s -> jpql.append(" and x.state = :state"));
        query.titleCode().ifPresent(t -> jpql.append(" and x.titleCode = :title"));
        Optional<NewestFirst> after = page.after().map(NewestFirst::parse);
        after.ifPresent(c -> jpql.append(NewestFirst.CONDITION));
        jpql.append(NewestFirst.ORDER);
        TypedQuery<DubbingJob> q = em.createQuery(jpql.toString(), DubbingJob.class);
        query.state().ifPresent(s -> q.setParameter("state", s));
        query.titleCode().ifPresent(t -> q.setParameter("title", t));
        after.ifPresent(c -> q.setParameter("at", c.at()).setParameter("id", c.id()));
        List<DubbingJob> rows = q.setMaxResults(page.limit() + 1).getResultList();
        return Page.fromOverfetch(rows, page.limit(), j -> NewestFirst.key(j.createdAt(), j.id()));
    }

    @Override
    public Map<UUID, Progress> progressOf(Collection<UUID> jobIds) {
        Map<UUID, Progress> progress = new HashMap<>();
        if (jobIds.isEmpty()) {
            return progress;
        }
        List<Object[]> rows = em.createQuery("select t.jobId, t.state, count(t) from JobTask t where t.jobId in :jobs "
                + "group by t.jobId, t.state", Object[].class).setParameter("jobs", jobIds).getResultList();
        for (Object[] row : rows) {
            long n = (Long) row[2];
            progress.merge((UUID) row[0], new Progress(row[1] == TaskState.SUCCEEDED ? n : 0, n),
                    (a, b) -> new Progress(a.succeeded() + b.succeeded(), a.total() + b.total()));
        }
        return progress;
    }

    @Override
    public Optional<DubbingJob> lockJob(UUID id) {
        return Optional.ofNullable(em.find(DubbingJob.class, id, LockModeType.PESSIMISTIC_WRITE));
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
    public Optional<TaskKind> kindOfTask(UUID taskId) {
        return em.createQuery("select t.kind from JobTask t where t.id = :id", TaskKind.class).setParameter("id", taskId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<UUID> jobOfTask(UUID taskId) {
        return em.createQuery("select t.jobId from JobTask t where t.id = :id", UUID.class).setParameter("id", taskId)
                .getResultStream().findFirst();
    }

    @Override
    public List<TaskSummary> taskSummaries(UUID jobId) {
        return em.createQuery(SUMMARY + "where t.jobId = :job order by t.kind, t.language, t.character, t.id",
                TaskSummary.class).setParameter("job", jobId).getResultList();
    }

    @Override
    public void addTask(JobTask task) {
        em.persist(task);
    }

    @Override
    public List<JobTask> openTasksOf(UUID jobId) {
        return em.createQuery("select t from JobTask t where t.jobId = :job and t.state not in :ended", JobTask.class)
                .setParameter("job", jobId).setParameter("ended", ENDED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public Set<UUID> jobsWithOpenTasksVoicedBy(UUID performerId) {
        return new TreeSet<>(em.createQuery("select distinct t.jobId from JobTask t where t.state not in :ended "
                        + "and t.voiceId in (select v.id from Voice v where v.performerId = :performer)", UUID.class)
                .setParameter("ended", ENDED).setParameter("performer", performerId).getResultList());
    }

    @Override
    public Set<UUID> jobsLipSyncing(UUID performerId) {
        return new TreeSet<>(em.createQuery("select distinct j.id from DubbingJob j join j.targets g join g.cast c "
                        + "where j.state in :working and c.lipSyncPerformerId = :performer", UUID.class)
                .setParameter("working", List.of(org.dubgate.domain.job.JobState.QUEUED,
                        org.dubgate.domain.job.JobState.RUNNING))
                .setParameter("performer", performerId).getResultList());
    }

    @Override
    public List<UUID> orphanedTasks(Worker observer, Instant now) {
        return em.createQuery("select t.id from JobTask t where t.state = :running and (t.leaseUntil is null "
                        + "or t.leaseUntil < :now or (t.worker like :node and t.worker <> :me)) order by t.id", UUID.class)
                .setParameter("running", TaskState.RUNNING).setParameter("now", now)
                .setParameter("node", observer.node() + "/%").setParameter("me", observer.id()).getResultList();
    }

    @Override
    public int renewLeases(Collection<UUID> taskIds, Worker holder, Instant until) {
        if (taskIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("update JobTask t set t.leaseUntil = :until where t.id in :ids and t.worker = :me "
                        + "and t.state = :running and t.leaseUntil is not null")
                .setParameter("until", until).setParameter("ids", taskIds).setParameter("me", holder.id())
                .setParameter("running", TaskState.RUNNING).executeUpdate();
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
    public Set<String> cuesRecordedBy(UUID taskId) {
        return new HashSet<>(em.createQuery("select o.cueId from CueOutput o where o.taskId = :task", String.class)
                .setParameter("task", taskId).getResultList());
    }

    @Override
    public Map<String, CueOutput> usableOutputsOf(UUID jobId, String language) {
        return em.createQuery("select o from CueOutput o where o.jobId = :job and o.quarantined = false "
                        + "and o.superseded = false and o.taskId in "
                        + "(select t.id from JobTask t where t.jobId = :job and t.language = :language)", CueOutput.class)
                .setParameter("job", jobId).setParameter("language", language).getResultStream()
                .collect(Collectors.toMap(CueOutput::cueId, Function.identity(), (a, b) -> a));
    }

    @Override
    public Map<UUID, CueOutput> outputsById(Collection<UUID> outputIds) {
        if (outputIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select o from CueOutput o where o.id in :ids", CueOutput.class)
                .setParameter("ids", outputIds).getResultStream()
                .collect(Collectors.toMap(CueOutput::id, Function.identity()));
    }

    @Override
    public Map<UUID, UUID> voicesOfTasks(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> voices = new HashMap<>();
        em.createQuery("select t.id, t.voiceId from JobTask t where t.id in :ids and t.voiceId is not null",
                Object[].class).setParameter("ids", taskIds).getResultList()
                .forEach(r -> voices.put((UUID) r[0], (UUID) r[1]));
        return voices;
    }

    @Override
    public Map<UUID, String> languagesOfTasks(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> languages = new HashMap<>();
        em.createQuery("select t.id, t.language from JobTask t where t.id in :ids and t.language is not null",
                Object[].class).setParameter("ids", taskIds).getResultList()
                .forEach(r -> languages.put((UUID) r[0], (String) r[1]));
        return languages;
    }

    @Override
    public Map<String, org.dubgate.domain.job.JobCue> cuesOf(UUID jobId, String language, Collection<String> cueIds) {
        if (cueIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select c from DubbingJob j join j.targets t join t.cues c where j.id = :job "
                        + "and t.language = :language and c.cueId in :cues", org.dubgate.domain.job.JobCue.class)
                .setParameter("job", jobId).setParameter("language", language).setParameter("cues", cueIds)
                .getResultStream().collect(Collectors.toMap(org.dubgate.domain.job.JobCue::cueId,
                        Function.identity(), (a, b) -> a));
    }

    @Override
    public List<CueOutput> earlierVersionsOf(UUID jobId, String language, String cueId, int round) {
        return em.createQuery("select o from CueOutput o where o.jobId = :job and o.cueId = :cue and o.round < :round "
                        + "and o.superseded = false and o.taskId in (select t.id from JobTask t where t.jobId = :job "
                        + "and t.language = :language)", CueOutput.class).setParameter("job", jobId)
                .setParameter("cue", cueId).setParameter("round", round).setParameter("language", language)
                .getResultList();
    }

    @Override
    public Page<CueOutput> outputsOfJob(UUID jobId, PageRequest page) {
        return Page.fromOverfetch(ofJobById(CueOutput.class, jobId, page), page.limit(), o -> o.id().toString());
    }

    /** One page of a job's rows of an entity with {@code id} and {@code jobId}, keyset-paged by id. */
    private <T> List<T> ofJobById(Class<T> entity, UUID jobId, PageRequest page) {
        return em.createQuery("select x from " + entity.getSimpleName() + " x where x.jobId = :job and x.id > :after "
                        + "order by x.id", entity).setParameter("job", jobId).setParameter("after", page.afterId())
                .setMaxResults(page.limit() + 1).getResultList();
    }

    @Override
    public Optional<CueOutput> findOutput(UUID jobId, UUID outputId) {
        return Optional.ofNullable(em.find(CueOutput.class, outputId)).filter(o -> o.jobId().equals(jobId));
    }

    @Override
    public void addOutput(CueOutput output) {
        em.persist(output);
    }

    @Override
    public List<Deliverable> deliverablesOf(UUID jobId, Deliverable.Kind kind) {
        return em.createQuery("select d from Deliverable d where d.jobId = :job and d.kind = :kind order by d.createdAt",
                Deliverable.class).setParameter("job", jobId).setParameter("kind", kind).getResultList();
    }

    @Override
    public Page<Deliverable> deliverablesOf(UUID jobId, PageRequest page) {
        return Page.fromOverfetch(ofJobById(Deliverable.class, jobId, page), page.limit(), d -> d.id().toString());
    }

    @Override
    public Optional<Deliverable> findDeliverable(UUID jobId, UUID deliverableId) {
        return Optional.ofNullable(em.find(Deliverable.class, deliverableId)).filter(d -> d.jobId().equals(jobId));
    }

    @Override
    public void addDeliverable(Deliverable deliverable) {
        em.persist(deliverable);
    }

    @Override
    public void addCheck(QaCheck check) {
        em.persist(check);
    }

    @Override
    public Page<QaCheck> checksOf(UUID jobId, Optional<QaCheck.Verdict> verdict, PageRequest page) {
        var query = em.createQuery("select c from QaCheck c where c.jobId = :job and c.id > :after"
                        + (verdict.isPresent() ? " and c.verdict = :verdict" : "") + " order by c.id", QaCheck.class)
                .setParameter("job", jobId).setParameter("after", page.afterId()).setMaxResults(page.limit() + 1);
        verdict.ifPresent(v -> query.setParameter("verdict", v));
        return Page.fromOverfetch(query.getResultList(), page.limit(), c -> c.id().toString());
    }

    @Override
    public List<QaCheck> checksOfOutputs(UUID jobId, java.util.Collection<UUID> outputIds) {
        if (outputIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from QaCheck c where c.jobId = :job and c.outputId in :outputs order by c.id",
                QaCheck.class).setParameter("job", jobId).setParameter("outputs", outputIds).getResultList();
    }

    @Override
    public Optional<QaCheck> findCheck(UUID jobId, UUID checkId) {
        return Optional.ofNullable(em.find(QaCheck.class, checkId)).filter(c -> c.jobId().equals(jobId));
    }

    @Override
    public List<LineRef> quarantinedLines(UUID jobId) {
        return em.createQuery("select distinct t.language, o.cueId from CueOutput o, JobTask t where o.jobId = :job "
                        + "and t.id = o.taskId and o.quarantined = true and o.superseded = false "
                        + "order by t.language, o.cueId", Object[].class)
                .setParameter("job", jobId).getResultStream().map(r -> new LineRef((String) r[0], (String) r[1]))
                .toList();
    }

    @Override
    public List<QaCheck> flaggedMixChecks(UUID jobId, int round) {
        return em.createQuery("select c from QaCheck c where c.jobId = :job and c.outputId is null "
                        + "and c.verdict = :flagged and c.taskId in (select t.id from JobTask t where t.jobId = :job "
                        + "and t.round = :round) order by c.id", QaCheck.class).setParameter("job", jobId)
                .setParameter("flagged", QaCheck.Verdict.FLAGGED).setParameter("round", round).getResultList();
    }

    @Override
    public List<String> languagesMixedIn(UUID jobId, int round) {
        return em.createQuery("select distinct t.language from JobTask t where t.jobId = :job and t.round = :round "
                        + "and t.kind = :mix", String.class).setParameter("job", jobId).setParameter("round", round)
                .setParameter("mix", TaskKind.MIX).getResultList();
    }

    @Override
    public void addEvent(JobEvent event) {
        em.persist(event);
    }

    @Override
    public List<JobEvent> eventsAfter(UUID jobId, long seq, int limit) {
        return em.createQuery("select e from JobEvent e where e.jobId = :job and e.seq > :seq order by e.seq",
                JobEvent.class).setParameter("job", jobId).setParameter("seq", seq).setMaxResults(limit).getResultList();
    }
}
