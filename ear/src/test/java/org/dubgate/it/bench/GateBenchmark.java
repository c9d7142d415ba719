package org.dubgate.it.bench;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.dubgate.application.gate.GateService;
import org.dubgate.application.gate.PlanInput;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.registry.ModelRegistry;
import org.dubgate.domain.gate.ConsentGate;
import org.dubgate.domain.gate.GateDecision;
import org.dubgate.domain.gate.GateFacts;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.ExecutionSite;
import org.dubgate.domain.model.ModelKind;
import org.dubgate.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consent gate's latency with 100,000 grants stored: a plan of 5 characters x 3 languages, each
 * character voiced by a performer with 10 grants (one covering). Measures (a) the decision — load
 * the plan's facts from the database and evaluate — and (b) a whole dry run including its 16
 * ledger appends. Prints percentiles and writes them to {@code target/benchmarks/gate.txt}.
 */
@ExtendWith(ArquillianExtension.class)
class GateBenchmark {

    private static final int PERFORMERS = 10_000;
    private static final int GRANTS_PER_PERFORMER = 10;
    private static final String TITLE = "BENCH-S01E01";
    private static final String AGENCY = "Benchmark Agency";
    private static final int WARMUP = 3_000;
    private static final int DECISIONS = 10_000;
    private static final int DRY_RUNS = 1_000;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(GateBenchmark.class);
    }

    @Inject
    GateService gate;
    @Inject
    ModelRegistry registry;
    @Resource
    UserTransaction tx;
    @Resource(lookup = "java:jboss/datasources/DubgateDS")
    DataSource dataSource;

    private final Caller admin = new Caller(UUID.randomUUID(), "benchmark", Set.of(Role.ADMIN, Role.MANAGER), Optional.empty());

    @Test
    void gateLatencyWith100kGrants() throws Exception {
        List<UUID> cast = seed();
        UUID model = model();
        PlanInput input = plan(cast, model);
        JobPlan plan = input.toPlan(Instant.now());
        ConsentGate rules = new ConsentGate();

        GateDecision first = decide(rules, plan);
        assertTrue(first.allowed(), first.violations().toString());
        assertEquals(15, first.uses().size());

        for (int i = 0; i < WARMUP; i++) {
            decide(rules, plan);
        }
        long[] decisions = new long[DECISIONS];
        for (int i = 0; i < DECISIONS; i++) {
            long t0 = System.nanoTime();
            decide(rules, plan);
            decisions[i] = System.nanoTime() - t0;
        }
        // allocation per decision, split between loading the facts and evaluating them
        GateFacts facts = null;
        long a0 = allocatedBytes();
        for (int i = 0; i < 100; i++) {
            tx.begin();
            facts = gate.factsFor(plan);
            tx.commit();
        }
        long a1 = allocatedBytes();
        for (int i = 0; i < 100; i++) {
            rules.evaluate(plan, facts);
        }
        long a2 = allocatedBytes();
        String allocation = String.format("allocation per decision: loading facts %d KB, evaluating %d KB%n",
                (a1 - a0) / 100 / 1024, (a2 - a1) / 100 / 1024);
        long[] dryRuns = new long[DRY_RUNS];
        for (int i = 0; i < DRY_RUNS; i++) {
            long t0 = System.nanoTime();
            tx.begin();
            gate.check(admin, input, "benchmark");
            tx.commit();
            dryRuns[i] = System.nanoTime() - t0;
        }
        String report = "gate benchmark: " + count("consent_grant") + " grants stored, plan of 5 characters x 3 languages\n"
                + line("decision (load facts + evaluate)", decisions)
                + line("dry run (decision + 16 ledger appends, committed)", dryRuns) + allocation;
        System.out.println(report);
        Path out = Path.of(System.getProperty("dubgate.bench.out", "target/benchmarks/gate.txt"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private GateDecision decide(ConsentGate rules, JobPlan plan) throws Exception {
        tx.begin();
        try {
            return rules.evaluate(plan, gate.factsFor(plan));
        } finally {
            tx.commit();
        }
    }

    /** Bytes this thread has allocated so far, through JMX (the com.sun.management API is not visible in WildFly). */
    private static long allocatedBytes() throws Exception {
        return (Long) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("java.lang:type=Threading"), "getThreadAllocatedBytes",
                new Object[]{Thread.currentThread().getId()}, new String[]{"long"});
    }

    private static String line(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("%-52s n=%d  p50=%.3f ms  p95=%.3f ms  p99=%.3f ms  max=%.3f ms%n", what, sorted.length,
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.ceil(q * sorted.length) - 1] / 1e6;
    }

    /** 10,000 performers x 10 grants by JDBC batches (idempotent: seeds once per data folder). */
    private List<UUID> seed() throws Exception {
        if (count("consent_grant") < (long) PERFORMERS * GRANTS_PER_PERFORMER) {
            try (Connection c = dataSource.getConnection()) {
                UUID evidence = UUID.randomUUID();
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement e = c.prepareStatement("insert into evidence_document values (?,?,?,?,?,?,?,?)")) {
                    e.setObject(1, evidence);
                    e.setString(2, AGENCY);
                    e.setString(3, "e".repeat(64));
                    e.setString(4, "application/pdf");
                    e.setLong(5, 100);
                    e.setString(6, "bench.pdf");
                    e.setString(7, "benchmark");
                    e.setTimestamp(8, now);
                    e.executeUpdate();
                }
                try (PreparedStatement p = c.prepareStatement("insert into performer values (?,?,?,?,?,?,?,?,?)");
                     PreparedStatement g = c.prepareStatement("insert into consent_grant (id, performer_id, agency, uses, "
                             + "titles, languages, territories, purposes, valid_from, valid_until, description, evidence_id, "
                             + "evidence_sha256, compensation_reference, estate_grant, signed_by, recorded_by, recorded_at, "
                             + "revoked, version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")) {
                    Timestamp from = Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS));
                    Timestamp until = Timestamp.from(Instant.now().plus(365, ChronoUnit.DAYS));
                    for (int i = 0; i < PERFORMERS; i++) {
                        UUID performer = UUID.randomUUID();
                        p.setObject(1, performer);
                        p.setString(2, AGENCY);
                        p.setString(3, "Bench Performer " + i);
                        p.setString(4, null);
                        p.setBoolean(5, false);
                        p.setString(6, null);
                        p.setTimestamp(7, now);
                        p.setTimestamp(8, now);
                        p.setLong(9, 0);
                        p.addBatch();
                        for (int k = 0; k < GRANTS_PER_PERFORMER; k++) {
                            // the last grant covers the benchmark plan; the others name other titles or languages
                            boolean covering = k == GRANTS_PER_PERFORMER - 1;
                            g.setObject(1, UUID.randomUUID());
                            g.setObject(2, performer);
                            g.setString(3, AGENCY);
                            g.setString(4, "VOICE_SYNTHESIS");
                            g.setString(5, covering ? TITLE : "OTHER-" + k);
                            g.setString(6, covering ? "de,es,fr" : "it");
                            g.setString(7, "WORLDWIDE");
                            g.setString(8, "TEMP");
                            g.setTimestamp(9, from);
                            g.setTimestamp(10, until);
                            g.setString(11, "Seeded grant for the gate benchmark; synthesizes dialogue for a test title.");
                            g.setObject(12, evidence);
                            g.setString(13, "e".repeat(64));
                            g.setString(14, "BENCH");
                            g.setBoolean(15, false);
                            g.setString(16, "Bench Performer " + i);
                            g.setString(17, "benchmark");
                            g.setTimestamp(18, now);
                            g.setBoolean(19, false);
                            g.addBatch();
                        }
                        if (i % 500 == 499) {
                            p.executeBatch();
                            g.executeBatch();
                        }
                    }
                    p.executeBatch();
                    g.executeBatch();
                }
            }
        }
        List<UUID> cast = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select id from performer where agency = ? order by id")) {
            q.setString(1, AGENCY);
            q.setMaxRows(5);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    cast.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return cast;
    }

    private UUID model() throws Exception {
        Path artifact = Files.createTempFile("bench-voice-", ".bin");
        Files.writeString(artifact, "benchmark voice data");
        tx.begin();
        // a written file, so not an installed engine's name: those must be registered as the files they run from
        AiModel m = registry.register(admin, new AiModel.Declaration("bench voice", ModelKind.VOICE, "bench-engine", "1.51",
                artifact.toString(), "GPL-3.0", "rule-based formant synthesis", true, false, false, ExecutionSite.ON_PREMISES));
        registry.approve(admin, m.id(), "benchmark", null);
        tx.commit();
        return m.id();
    }

    private static PlanInput plan(List<UUID> cast, UUID model) {
        List<PlanInput.TargetInput> targets = new ArrayList<>();
        for (String language : List.of("es", "fr", "de")) {
            List<PlanInput.CharacterInput> characters = new ArrayList<>();
            for (int i = 0; i < cast.size(); i++) {
                characters.add(new PlanInput.CharacterInput("CHARACTER-" + i, "SYNTHETIC", cast.get(i), model, null));
            }
            targets.add(new PlanInput.TargetInput(language, characters));
        }
        return new PlanInput(TITLE, "ES", "TEMP", null, null, targets);
    }

    private long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
