package org.dubgate.web.problem;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Reading RESTEasy's conversion failures (its exact messages) into the parameter and what it should have been. */
class ParameterFailureTest {

    @SuppressWarnings("unused")
    static void list(@QueryParam("after") String after, @QueryParam("limit") @DefaultValue("50") int limit) {
    }

    @SuppressWarnings("unused")
    static void get(@PathParam("id") UUID id) {
    }

    private static Method method(String name) {
        for (Method m : ParameterFailureTest.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void queryParameterThatIsNotANumber() {
        ParameterFailure f = ParameterFailure.of("RESTEASY003870: Unable to extract parameter from http request: "
                + "jakarta.ws.rs.QueryParam(\"limit\") value is 'abc'").orElseThrow();
        assertEquals(new ParameterFailure("Query", "limit", "abc"), f);
        assertFalse(f.inPath());
        assertEquals("'abc' is not a whole number between -2147483648 and 2147483647", f.message(method("list")));
    }

    @Test
    void pathSegmentThatIsNotAUuid() {
        ParameterFailure f = ParameterFailure.of("RESTEASY003870: Unable to extract parameter from http request: "
                + "jakarta.ws.rs.PathParam(\"id\") value is 'not-a-uuid'").orElseThrow();
        assertTrue(f.inPath());
        assertEquals("'not-a-uuid' is not a UUID", f.message(method("get")));
    }

    @Test
    void percentEncodedValuesAreShownDecoded() {
        ParameterFailure f = ParameterFailure.of("Unable to extract parameter from http request: "
                + "jakarta.ws.rs.QueryParam(\"limit\") value is '%F0%9F%8E%AC'").orElseThrow();
        assertEquals("\uD83C\uDFAC", f.value());
    }

    @Test
    void withoutTheResourceMethodTheMessageIsStillClear() {
        assertEquals("'x' is not a valid value here",
                new ParameterFailure("Header", "Content-Length", "x").message(null));
    }

    @Test
    void otherMessagesAreNotParameterFailures() {
        assertEquals(Optional.empty(), ParameterFailure.of("RESTEASY003210: Could not find resource for full path"));
        assertEquals(Optional.empty(), ParameterFailure.of(null));
    }
}
