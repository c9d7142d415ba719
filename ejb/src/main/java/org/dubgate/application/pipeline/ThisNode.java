package org.dubgate.application.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import org.dubgate.domain.job.Worker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node as a worker: its name (WildFly's {@code jboss.node.name}, else the host name) and this
 * start of it, and the tasks its workers run right now, whose leases it renews. Per-node state by
 * nature: it is about this process only.
 */
@ApplicationScoped
public class ThisNode {

    private final Worker worker;
    private final Set<java.util.UUID> running = ConcurrentHashMap.newKeySet();

    public ThisNode() {
        String node = System.getProperty("jboss.node.name");
        if (node == null || node.isBlank()) {
            try {
                node = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                node = "node";
            }
        }
        this.worker = new Worker(node.replace('/', '_'), UUID.randomUUID().toString().substring(0, 8));
    }

    public Worker worker() {
        return worker;
    }

    void started(UUID taskId) {
        running.add(taskId);
    }

    void finished(UUID taskId) {
        running.remove(taskId);
    }

    /** The tasks this node's workers are running now. */
    public Set<UUID> running() {
        return Set.copyOf(running);
    }
}
