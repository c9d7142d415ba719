package org.dubgate.infrastructure.persistence;

import org.flywaydb.core.Flyway;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Migrates the schema while Hibernate builds the session factory, before it validates the mapping.
 * (A startup bean would be too late: WildFly starts the persistence unit first, and validation fails
 * on an empty database.) Registered in {@code META-INF/services}.
 */
public class FlywayMigrations implements Integrator {

    private static final Logger LOG = Logger.getLogger(FlywayMigrations.class.getName());
    static final String LOCATION = "classpath:org/dubgate/db/migration";

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory.getServiceRegistry().requireService(ConnectionProvider.class)
                .unwrap(DataSource.class);
        var result = Flyway.configure(FlywayMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .load()
                .migrate();
        LOG.info(() -> "database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migration(s) applied now)");
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to release
    }
}
