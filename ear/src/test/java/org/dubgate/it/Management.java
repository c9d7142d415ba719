package org.dubgate.it;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

import java.io.IOException;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The suite server's management API reached from outside, as {@code jboss-cli.sh} reaches it on the
 * same machine (loopback, local authentication): one client for the whole test run. The tests call
 * the API without an Arquillian deployment of their own ({@link SuiteDeployment}), so Arquillian's
 * per-deployment {@code ManagementClient} is not there to inject.
 */
public final class Management {

    private static final int PORT = Integer.getInteger("it.management-port", 10090);
    private static ModelControllerClient client;

    private Management() {
    }

    /** Runs the operation and fails the test unless it succeeded. */
    public static ModelNode run(ModelNode operation) throws IOException {
        ModelNode result = execute(operation);
        assertEquals("success", result.get("outcome").asString(), result.toString());
        return result;
    }

    /** Runs the operation and returns what the server answered, success or not. */
    public static synchronized ModelNode execute(ModelNode operation) throws IOException {
        if (client == null) {
            client = open();
        }
        return client.execute(operation);
    }

    private static ModelControllerClient open() throws UnknownHostException {
        return ModelControllerClient.Factory.create("127.0.0.1", PORT);
    }
}
