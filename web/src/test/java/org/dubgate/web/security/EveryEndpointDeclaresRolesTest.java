package org.dubgate.web.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every JAX-RS resource method in the web module names the roles it admits: {@link RoleAccess}
 * refuses a method without {@code @RolesAllowed} to everybody, and this test keeps such a method
 * from shipping unnoticed. {@code @PermitAll} is not allowed at all.
 */
class EveryEndpointDeclaresRolesTest {

    @Test
    void everyResourceMethodHasRolesAllowed() throws Exception {
        List<Class<?>> resources = resourceClasses();
        assertTrue(resources.size() >= 3, "found resources: " + resources);
        List<String> undeclared = new ArrayList<>();
        int methods = 0;
        for (Class<?> resource : resources) {
            assertNull(resource.getAnnotation(PermitAll.class), resource + " must not be @PermitAll");
            for (Method m : resource.getDeclaredMethods()) {
                if (!isResourceMethod(m)) {
                    continue;
                }
                methods++;
                assertNull(m.getAnnotation(PermitAll.class), m + " must not be @PermitAll");
                RolesAllowed roles = m.getAnnotation(RolesAllowed.class) != null
                        ? m.getAnnotation(RolesAllowed.class) : resource.getAnnotation(RolesAllowed.class);
                if (roles == null || roles.value().length == 0) {
                    undeclared.add(resource.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertTrue(methods >= 12, "resource methods checked: " + methods);
        assertEquals(List.of(), undeclared);
    }

    private static boolean isResourceMethod(Method m) {
        return Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class)
                .anyMatch(m::isAnnotationPresent);
    }

    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, EveryEndpointDeclaresRolesTest.class.getClassLoader());
                if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    found.add(c);
                }
            }
        }
        return found;
    }
}
