package org.dubgate.application.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * On start, makes sure an admin exists: the password comes from {@code DUBGATE_ADMIN_PASSWORD}
 * (or the system property {@code dubgate.admin.password}), or is generated and logged once.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstAdminBootstrap {

    private static final Logger LOG = Logger.getLogger(FirstAdminBootstrap.class.getName());

    @Inject
    UserAdministration administration;
    @Inject
    @ConfigProperty(name = "dubgate.admin.password")
    Optional<String> configuredPassword;

    @PostConstruct
    void ensureAdmin() {
        try {
            administration.ensureFirstAdmin(configuredPassword).ifPresentOrElse(
                    generated -> LOG.warning("Created the first admin account '" + UserAdministration.FIRST_ADMIN
                            + "' with the generated password " + generated
                            + " (shown only now; change it with PUT /api/v1/users/me/password)"),
                    () -> LOG.fine("an admin account exists"));
        } catch (EJBException e) {
            // Several nodes starting on one empty database: one creates the admin, the others lose the
            // unique-name race. Only a failure that left no admin behind is a real problem.
            if (!administration.adminExists()) {
                throw e;
            }
        }
    }
}
