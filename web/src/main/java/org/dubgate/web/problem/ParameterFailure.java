package org.dubgate.web.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request parameter JAX-RS could not convert to its Java type. RESTEasy reports it as a 404
 * (query, path and matrix parameters, as the JAX-RS specification says) or a 400 (headers, cookies,
 * forms) whose message names the parameter — "RESTEASY003870: Unable to extract parameter from http
 * request: jakarta.ws.rs.QueryParam("limit") value is 'abc'" — and that message is all it keeps.
 *
 * @param source where the parameter comes from: {@code Query}, {@code Path}, {@code Header}, ...
 * @param name   its name, as the resource method declares it
 * @param value  what the client sent
 */
public record ParameterFailure(String source, String name, String value) {

    private static final Pattern RESTEASY = Pattern.compile(
            "Unable to extract parameter from http request: jakarta\\.ws\\.rs\\.(Query|Path|Matrix|Header|Cookie|Form)"
                    + "Param\\(\"([^\"]*)\"\\) value is '(.*)'", Pattern.DOTALL);

    /** The failure a RESTEasy exception message describes, if it describes one. */
    public static Optional<ParameterFailure> of(String message) {
        Matcher m = message == null ? null : RESTEASY.matcher(message);
        if (m == null || !m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ParameterFailure(m.group(1), m.group(2), decoded(m.group(3))));
    }

    /** RESTEasy percent-encodes the value in some of its messages; show what was meant. */
    private static String decoded(String value) {
        try {
            return value.contains("%") ? URLDecoder.decode(value, StandardCharsets.UTF_8) : value;
        } catch (IllegalArgumentException notEncoded) {
            return value;
        }
    }

    /** A path segment that does not convert names no resource; any other parameter is a bad request. */
    public boolean inPath() {
        return source.equals("Path");
    }

    /** What the client is told: {@code 'abc' is not a whole number ...}, from the parameter's declared type. */
    public String message(Method resourceMethod) {
        return "'" + value + "' is not " + expected(declaredType(resourceMethod).orElse(null));
    }

    static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type != null && type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return type == null ? "a valid value here" : "a valid " + type.getSimpleName();
    }

    /** The type of the resource method's parameter that carries this one. */
    Optional<Class<?>> declaredType(Method resourceMethod) {
        if (resourceMethod == null) {
            return Optional.empty();
        }
        for (Parameter p : resourceMethod.getParameters()) {
            for (Annotation a : p.getAnnotations()) {
                if (a.annotationType().getSimpleName().equals(source + "Param") && name.equals(valueOf(a))) {
                    return Optional.of(p.getType());
                }
            }
        }
        return Optional.empty();
    }

    private static String valueOf(Annotation a) {
        try {
            return String.valueOf(a.annotationType().getMethod("value").invoke(a));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
