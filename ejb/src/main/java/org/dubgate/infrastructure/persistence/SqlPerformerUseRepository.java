package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.consent.PerformerUse;
import org.dubgate.domain.consent.PerformerUseRepository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One grouped query over the lines (cue_output) made under the performer's grants, with the job, the
 * task's language, the model and the job's delivery: a report of any length costs one round trip and
 * loads no line. Native SQL because the grouping spans tables that are separate aggregates in JPA;
 * it is plain SQL that H2 and PostgreSQL both run.
 */
@ApplicationScoped
public class SqlPerformerUseRepository implements PerformerUseRepository {

    // the lines made in the performer's voice, then the shots of their on-screen performance re-drawn (lip-sync);
    // ordered by output position, which H2 and PostgreSQL both take after a union
    private static final String QUERY = """
            select o.job_id, j.title_code, t.language, o.model_id, m.name, m.model_version, o.grant_id,
                   'VOICE_SYNTHESIS', count(distinct o.cue_id), count(*),
                   sum(case when o.quarantined then 1 else 0 end), min(o.created_at), max(o.created_at),
                   d.id, d.state, d.created_at, d.recalled_at, d.recall_reason
            from cue_output o
            join consent_grant g on g.id = o.grant_id
            join job_task t on t.id = o.task_id
            join dubbing_job j on j.id = o.job_id
            join ai_model m on m.id = o.model_id
            left join delivery d on d.job_id = o.job_id
            where g.performer_id = ?1
            group by o.job_id, j.title_code, t.language, o.model_id, m.name, m.model_version, o.grant_id,
                     d.id, d.state, d.created_at, d.recalled_at, d.recall_reason
            union all
            select s.job_id, j.title_code, s.language, s.model_id, m.name, m.model_version, s.grant_id,
                   'LIP_SYNC', count(*), count(*),
                   sum(case when s.quarantined then 1 else 0 end), min(s.created_at), max(s.created_at),
                   d.id, d.state, d.created_at, d.recalled_at, d.recall_reason
            from job_altered_shot s
            join consent_grant g on g.id = s.grant_id
            join dubbing_job j on j.id = s.job_id
            join ai_model m on m.id = s.model_id
            left join delivery d on d.job_id = s.job_id
            where g.performer_id = ?1
            group by s.job_id, j.title_code, s.language, s.model_id, m.name, m.model_version, s.grant_id,
                     d.id, d.state, d.created_at, d.recalled_at, d.recall_reason
            order by 13 desc, 1, 3, 4, 7""";

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public List<PerformerUse> ofPerformer(UUID performerId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(QUERY).setParameter(1, performerId).setMaxResults(limit)
                .getResultList();
        return rows.stream().map(SqlPerformerUseRepository::use).toList();
    }

    private static PerformerUse use(Object[] r) {
        Optional<PerformerUse.Delivery> delivery = r[13] == null ? Optional.empty()
                : Optional.of(new PerformerUse.Delivery(uuid(r[13]), (String) r[14], instant(r[15]),
                Optional.ofNullable(r[16]).map(SqlPerformerUseRepository::instant), Optional.ofNullable((String) r[17])));
        return new PerformerUse(uuid(r[0]), (String) r[1], (String) r[2], uuid(r[3]), (String) r[4], (String) r[5],
                uuid(r[6]), org.dubgate.domain.consent.ConsentUse.valueOf(r[7].toString().strip()),
                ((Number) r[8]).intValue(), ((Number) r[9]).intValue(), ((Number) r[10]).intValue(),
                instant(r[11]), instant(r[12]), delivery);
    }

    /** H2 hands a native query's uuid back as its 16 bytes, PostgreSQL as a UUID. */
    private static UUID uuid(Object o) {
        if (o instanceof UUID u) {
            return u;
        }
        if (o instanceof byte[] b && b.length == 16) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(b);
            return new UUID(bytes.getLong(), bytes.getLong());
        }
        return UUID.fromString(o.toString());
    }

    /** H2 and PostgreSQL hand timestamps with time zone back as different types. */
    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + o.getClass());
    }
}
