package org.dubgate.it.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The two row locks every node of a cluster queues on, measured with Debian's {@code pgbench} on the
 * cluster's own PostgreSQL: the ledger head ({@code AuditLedger.append}: the head row locked FOR UPDATE,
 * the entry inserted, the head updated — one chain for the whole cluster) and a job row (locked
 * PESSIMISTIC_WRITE and updated on every change of one of its tasks). Each script commits either in one
 * phase or in two ({@code PREPARE TRANSACTION} / {@code COMMIT PREPARED}, as the nodes' XA transactions
 * commit PostgreSQL whenever a JMS send is in the same transaction — every task change publishes its
 * progress event). It runs on scratch tables made {@code LIKE} the real ones (the same columns, keys and
 * indexes), never on the real ledger, and drops them after.
 */
final class RowLocks {

    /** A session's prepared transaction is named after its client: unique while it is open, as each client has one at most. */
    private static final String GID = "bench-:client_id";
    private static final Pattern TPS = Pattern.compile("(?m)^tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("(?m)^latency average = ([0-9.]+) ms");
    private static final Pattern FDATASYNC = Pattern.compile("(?m)^\\s*fdatasync\\s+([0-9.]+) ops/sec");

    /** A pgbench script and what it stands for. */
    enum Script {
        LEDGER_1PC("ledger append, one-phase commit", true, false, false),
        LEDGER_2PC("ledger append, two-phase commit (XA)", true, true, false),
        JOB_ROW_1PC("job row, one row for every client, one-phase", false, false, false),
        JOB_ROW_2PC("job row, one row for every client, two-phase", false, true, false),
        JOB_ROWS_2PC("job rows, a row per client (no contention), two-phase", false, true, true);

        final String label;
        final boolean ledger;
        final boolean twoPhase;
        final boolean rowPerClient;

        Script(String label, boolean ledger, boolean twoPhase, boolean rowPerClient) {
            this.label = label;
            this.ledger = ledger;
            this.twoPhase = twoPhase;
            this.rowPerClient = rowPerClient;
        }

        /**
         * The statements, as Hibernate sends them for an append ({@code find(..., PESSIMISTIC_WRITE)}, then at
         * flush the insert before the update) or for a job change (the lock, then the dirty row's update).
         * Simple query mode: pgbench puts variables into quoted literals too, which the prepared transaction's
         * name needs.
         */
        String text() {
            String body = ledger ? """
                    SELECT last_seq, last_hash FROM bench_ledger_head WHERE id = 1 FOR UPDATE \\gset
                    INSERT INTO bench_ledger_entry (seq, at, actor, action, subject_type, subject_id, performer_id, agency,
                        decision, detail, prev_hash, hash)
                      VALUES (:last_seq + 1, now(), 'pipeline', 'JOB_READY_FOR_REVIEW', 'job', 'bench-:client_id', NULL, NULL,
                        'IN_REVIEW', '{"tasks": 43, "round": 0}', ':last_hash',
                        encode(sha256(convert_to(':last_hash' || (:last_seq + 1), 'UTF8')), 'hex'))
                      RETURNING hash \\gset
                    UPDATE bench_ledger_head SET last_seq = :last_seq + 1, last_hash = ':hash' WHERE id = 1;
                    """ : """
                    SELECT * FROM bench_job WHERE id = ('00000000-0000-0000-0000-' || lpad(':row', 12, '0'))::uuid FOR UPDATE;
                    UPDATE bench_job SET event_count = event_count + 1, version = version + 1, updated_at = now()
                      WHERE id = ('00000000-0000-0000-0000-' || lpad(':row', 12, '0'))::uuid;
                    """;
            String row = ledger ? "" : rowPerClient ? "\\set row :client_id\n" : "\\set row 0\n";
            String commit = twoPhase ? "PREPARE TRANSACTION '" + GID + "';\nCOMMIT PREPARED '" + GID + "';\n" : "COMMIT;\n";
            return row + "BEGIN;\n" + body + commit;
        }
    }

    /** One pgbench run's figures. */
    record Figure(double tps, double latencyMs) {
    }

    /** The server as this run found it, every script's figures by client count, and the disk's flush rate. */
    record Results(String server, Map<Script, Map<Integer, Figure>> figures, OptionalDouble fdatasyncPerSecond,
                   String fsyncDir) {
    }

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final Map<String, String> env;
    private final Path work;

    private RowLocks(String jdbcUrl, String user, String password, Path work) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 5432 : uri.getPort();
        this.database = uri.getPath().substring(1);
        this.user = user;
        this.env = Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10");
        this.work = work;
    }

    /** On the database of {@code dubgate.db.url} (jdbc:postgresql://host:port/db), the cluster's. */
    static RowLocks of(String jdbcUrl, String user, String password, Path work) throws IOException {
        Files.createDirectories(work);
        return new RowLocks(jdbcUrl, user, password, work);
    }

    /**
     * Every script at every client count for {@code seconds} each; the scratch job rows are copies of
     * {@code jobId}'s row (a real job of this run: the real row's width, whatever its columns are by now).
     */
    Results measure(String jobId, List<Integer> clients, int seconds, boolean fsyncTest, Path fsyncDir)
            throws IOException, InterruptedException {
        String server = psql("-Atc", "select 'PostgreSQL ' || current_setting('server_version') || ', fsync='"
                + " || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')"
                + " || ', max_prepared_transactions=' || current_setting('max_prepared_transactions')").strip();
        int rows = clients.stream().max(Integer::compare).orElse(1);
        Map<Script, Map<Integer, Figure>> figures = new LinkedHashMap<>();
        try {
            psqlFile("setup.sql", setup(jobId, rows));
            for (Script script : Script.values()) {
                figures.put(script, run(script, clients, seconds));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            try {
                dropScratch();
            } catch (IOException | RuntimeException also) {
                e.addSuppressed(also); // the first failure is the one to read
            }
            throw e;
        }
        dropScratch();
        return new Results(server, figures, fsyncTest ? fdatasync(fsyncDir) : OptionalDouble.empty(), fsyncDir.toString());
    }

    private Map<Integer, Figure> run(Script script, List<Integer> clients, int seconds)
            throws IOException, InterruptedException {
        Path file = work.resolve(script.name().toLowerCase(Locale.ROOT) + ".sql");
        Files.writeString(file, script.text());
        Map<Integer, Figure> byClients = new LinkedHashMap<>();
        for (int c : clients) {
            rollBackLeftovers();
            if (script.ledger) {
                // every count from the same empty ledger: the entry table's growth is not the figure
                psql("-c", "truncate bench_ledger_entry; update bench_ledger_head set last_seq = 0, "
                        + "last_hash = repeat('0', 64)");
            }
            byClients.put(c, pgbench(file, c, seconds));
        }
        return byClients;
    }

    private void dropScratch() throws IOException, InterruptedException {
        rollBackLeftovers();
        psql("-c", "drop table if exists bench_ledger_entry, bench_ledger_head, bench_job");
    }

    /**
     * A client stopped between PREPARE TRANSACTION and COMMIT PREPARED (at the end of a run) would leave its
     * transaction prepared, holding its row locks and its name: the next run would wait on them for good.
     */
    private void rollBackLeftovers() throws IOException, InterruptedException {
        psqlFile("leftovers.sql", "select format('rollback prepared %L', gid) from pg_prepared_xacts"
                + " where gid like 'bench-%' \\gexec\n");
    }

    /** The scratch tables: the real tables' shape, foreign keys aside (a row lock does not check them). */
    private static String setup(String jobId, int rows) {
        return """
                drop table if exists bench_ledger_entry, bench_ledger_head, bench_job;
                create table bench_ledger_head (like audit_head including all);
                create table bench_ledger_entry (like audit_entry including all);
                insert into bench_ledger_head (id, last_seq, last_hash) values (1, 0, repeat('0', 64));
                create table bench_job (like dubbing_job including all);
                do $$
                begin
                  for i in 0..%d loop
                    insert into bench_job select * from dubbing_job where id = '%s';
                    update bench_job set id = ('00000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid,
                      idempotency_key = null where id = '%s';
                  end loop;
                end $$;
                """.formatted(rows - 1, jobId, jobId);
    }

    private Figure pgbench(Path script, int clients, int seconds) throws IOException, InterruptedException {
        // pgbench's threads share the machine with the server: never more threads than cores or clients
        int threads = Math.min(clients, Runtime.getRuntime().availableProcessors());
        List<String> command = List.of(System.getProperty("dubgate.bench.pgbench", "/usr/bin/pgbench"), "-n",
                "-M", "simple", "-f", script.toString(), "-c", Integer.toString(clients), "-j", Integer.toString(threads),
                "-T", Integer.toString(seconds), "-h", host, "-p", Integer.toString(port), "-U", user, database);
        String out = Commands.runOrFail(command, env, Duration.ofSeconds(seconds + 60L));
        return new Figure(number(TPS, out, command), number(LATENCY, out, command));
    }

    private static double number(Pattern pattern, String out, List<String> command) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in the output of " + String.join(" ", command) + ":\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private String psql(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("dubgate.bench.psql", "/usr/bin/psql"), "-X",
                "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", Integer.toString(port), "-U", user, "-d", database));
        command.addAll(List.of(args));
        return Commands.runOrFail(command, env, Duration.ofMinutes(2));
    }

    private void psqlFile(String name, String sql) throws IOException, InterruptedException {
        Path file = work.resolve(name);
        Files.writeString(file, sql);
        psql("-f", file.toString());
    }

    /**
     * The disk's rate of one 8 kB write and fdatasync ({@code pg_test_fsync}, PostgreSQL's own tool, 1 s a
     * test) in the folder the test database lives under: what one commit's WAL flush costs once fsync is on.
     */
    private OptionalDouble fdatasync(Path dir) throws IOException, InterruptedException {
        Optional<Path> tool = pgTestFsync();
        if (tool.isEmpty()) {
            return OptionalDouble.empty();
        }
        Path file = Files.createTempFile(dir, "pg_test_fsync", ".tmp");
        try {
            String out = Commands.runOrFail(List.of(tool.get().toString(), "-s", "1", "-f", file.toString()), Map.of(),
                    Duration.ofMinutes(3));
            Matcher m = FDATASYNC.matcher(out);
            return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Debian keeps it with the server binaries, not on the PATH: the newest version's. */
    private static Optional<Path> pgTestFsync() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> each = Files.list(versions)) {
            return each.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin/pg_test_fsync")).filter(Files::isExecutable);
        }
    }
}
