package org.dubgate.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.infrastructure.storage.LocalContentStore;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready when the database answers and the storage folder is writable. */
@Readiness
@ApplicationScoped
public class DependenciesReadiness implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/DubgateDS")
    DataSource dataSource;

    @Inject
    LocalContentStore storage;

    @Override
    public HealthCheckResponse call() {
        boolean database;
        try (Connection c = dataSource.getConnection()) {
            database = c.isValid(2);
        } catch (SQLException e) {
            database = false;
        }
        boolean store = Files.isWritable(storage.root().resolve("objects"));
        return HealthCheckResponse.named("dubgate")
                .status(database && store)
                .withData("database", database)
                .withData("storage", store)
                .build();
    }
}
