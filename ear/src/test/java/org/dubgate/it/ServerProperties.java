package org.dubgate.it;

import org.jboss.dmr.ModelNode;

import java.io.IOException;

/**
 * System properties set and removed on the running test server through its management API, as an
 * operator would ({@code /system-property=name:add(value=…)}): settings the server reads at each use
 * change without a restart.
 */
final class ServerProperties {

    private ServerProperties() {
    }

    static void set(String name, String value) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("add");
        op.get("address").add("system-property", name);
        op.get("value").set(value);
        Management.run(op);
    }

    static void remove(String name) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("remove");
        op.get("address").add("system-property", name);
        Management.execute(op);
    }
}
