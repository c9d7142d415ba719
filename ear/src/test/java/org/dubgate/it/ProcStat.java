package org.dubgate.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * One process's line of {@code /proc/<pid>/stat}, as the benchmarks read CPU time: its command name,
 * its parent, and its user + system time, its own and its reaped children's. The fields are counted
 * after the last ')' — the command name in parentheses may itself hold spaces and parentheses. Also how
 * the tests wait for a process they killed ({@link #awaitExit}).
 */
public record ProcStat(long pid, String comm, long ppid, long ownTicks, long childrenTicks) {

    /** Clock ticks a second of these times: USER_HZ, 100 on Linux. */
    private static final double TICKS = 100.0;

    /** The process's figures now; fails if it is gone (a caller reading every process treats that as "exited"). */
    public static ProcStat of(long pid) throws IOException {
        return parse(pid, Files.readString(Path.of("/proc/" + pid + "/stat")));
    }

    /**
     * One thread's figures ({@code /proc/<pid>/task/<tid>/stat}: its command name is the thread's name,
     * cut to 15 characters, and its children's times are zero).
     */
    public static ProcStat ofThread(long pid, long tid) throws IOException {
        return parse(tid, Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/stat")));
    }

    private static ProcStat parse(long pid, String stat) {
        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        // after "(comm)": state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17)
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new ProcStat(pid, comm, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                Long.parseLong(f[13]) + Long.parseLong(f[14]));
    }

    /** CPU seconds the process spent itself. */
    public double ownSeconds() {
        return ownTicks / TICKS;
    }

    /** CPU seconds the process and its reaped children spent (an engine a server ran and waited for is the server's). */
    public double withChildrenSeconds() {
        return (ownTicks + childrenTicks) / TICKS;
    }

    /** Seconds of {@code /proc/stat}'s tick counts. */
    public static double seconds(long ticks) {
        return ticks / TICKS;
    }

    /**
     * Waits for a killed process to be gone. Not with a bare {@code onExit().join()}: for a process that
     * is not this JVM's child, Java polls {@code kill(pid, 0)}, which Linux also answers for a thread id —
     * and once the engines' thousands of short processes have wrapped the pid counter, a killed node's
     * pid was seen here as a thread of the broker, and the nodes benchmark waited on it for ever.
     * {@link ProcessHandle#isAlive} compares the start time the handle was made with, so a number taken
     * by a newer thread or process counts as exited; one still alive after a minute fails.
     */
    public static void awaitExit(ProcessHandle p) {
        await("exit of pid " + p.pid()).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> !p.isAlive());
    }
}
