package org.dubgate.domain.job;

import java.util.Objects;

/**
 * Who runs a task: a node, and which start of that node. A task's lease names its worker, so after
 * a node is killed and started again it knows at once that the tasks its previous start held are
 * orphaned, without waiting for their leases to run out.
 */
public record Worker(String node, String boot) {

    public Worker {
        Objects.requireNonNull(node);
        Objects.requireNonNull(boot);
        if (node.contains("/") || boot.contains("/")) {
            throw new IllegalArgumentException("node and boot must not contain '/'");
        }
    }

    /** The form stored on the task: {@code node/boot}. */
    public String id() {
        return node + "/" + boot;
    }

    /** Whether {@code other} (a stored worker id) is an earlier start of this same node: it can no longer be running. */
    public boolean succeeds(String other) {
        return other != null && other.startsWith(node + "/") && !other.equals(id());
    }
}
