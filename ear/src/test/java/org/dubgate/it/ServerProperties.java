package org.dubgate.it;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * System properties set and removed on the running test server through its management API, as an
 * operator would ({@code /system-property=name:add(value=…)}): settings the server reads at each use
 * change without a restart.
 */
final class ServerProperties {

    private ServerProperties() {
    }

    static void set(ManagementClient management, String name, String value) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("add");
        op.get("address").add("system-property", name);
        op.get("value").set(value);
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }

    static void remove(ManagementClient management, String name) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("remove");
        op.get("address").add("system-property", name);
        management.getControllerClient().execute(op);
    }
}
