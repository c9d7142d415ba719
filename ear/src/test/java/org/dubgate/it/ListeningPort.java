package org.dubgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A TCP port on loopback seen as the kernel sees it: whether something accepts on it, and which
 * processes hold its listening socket ({@code /proc/net/tcp*}: the socket's inode, then the
 * {@code /proc/<pid>/fd} links that point at it) — what {@code ss -ltnp} shows, without the tool.
 * The tests that kill a server use it to know that the port the next start needs is really free.
 */
final class ListeningPort {

    private static final String LISTEN = "0A";

    private final int port;

    ListeningPort(int port) {
        this.port = port;
    }

    /** Whether a connection to 127.0.0.1 on the port is accepted now (the check WildFly's Arquillian makes). */
    boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The processes holding a socket listening on the port, any address. */
    List<ProcessHandle> holders() {
        Set<String> inodes = listeningInodes();
        if (inodes.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> pids = Files.list(Path.of("/proc"))) {
            return pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> holdsOneOf(p, inodes))
                    .map(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())))
                    .flatMap(java.util.Optional::stream)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "pid: command line" of each holder, or why there is none to name, for a failure message. */
    String describeHolders() {
        List<ProcessHandle> holders = holders();
        if (holders.isEmpty()) {
            return listeningInodes().isEmpty() ? "no socket listens on " + port
                    : "a socket listens on " + port + " that no process's descriptors show (a process in its exit)";
        }
        return String.join("; ", holders.stream().map(h -> h.pid() + ": " + h.info().commandLine()
                .map(c -> c.length() > 300 ? c.substring(0, 300) + "…" : c).orElse("(command line not readable)"))
                .toList());
    }

    private Set<String> listeningInodes() {
        Set<String> inodes = new HashSet<>();
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals(LISTEN)) {
                        inodes.add(f[9]);
                    }
                }
            } catch (IOException absent) {
                // no IPv6 table on this kernel
            }
        }
        return inodes;
    }

    private static boolean holdsOneOf(Path proc, Set<String> inodes) {
        try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException gone) {
                    return false;
                }
            });
        } catch (IOException | SecurityException gone) {
            return false; // exited meanwhile, or not ours to read
        }
    }
}
