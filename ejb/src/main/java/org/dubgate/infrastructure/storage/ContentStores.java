package org.dubgate.infrastructure.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.dubgate.application.port.ContentStore;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The one content store of the application, the one {@code dubgate.storage} names: {@code local} (a
 * folder, the default) or {@code s3} (an S3-compatible bucket). It is made when the application
 * starts, not at its first upload, so a wrong value, a missing bucket or endpoint, or an S3 server
 * that cannot be reached fails the deployment with the reason.
 */
@ApplicationScoped
public class ContentStores {

    public static final String STORAGE = "dubgate.storage";
    public static final String LOCAL_DIR = "dubgate.storage.dir";

    private static final Logger LOG = Logger.getLogger(ContentStores.class.getName());

    @Inject
    Config config;

    private ContentStore store;

    @PostConstruct
    void open() {
        store = open(key -> config.getOptionalValue(key, String.class));
        LOG.info(() -> "content store: " + store);
    }

    /** @param config a configuration value by its key, empty when unset */
    static ContentStore open(Function<String, Optional<String>> config) {
        String kind = config.apply(STORAGE).map(String::trim).filter(v -> !v.isEmpty()).orElse("local");
        return switch (kind) {
            case "local" -> new LocalContentStore(config.apply(LOCAL_DIR));
            case "s3" -> S3ContentStore.open(S3Settings.from(config));
            default -> throw new IllegalStateException(STORAGE + " is '" + kind + "': use local (a folder, "
                    + LOCAL_DIR + ", the default) or s3 (an S3-compatible bucket, dubgate.s3.*)");
        };
    }

    @Produces
    @ApplicationScoped
    ContentStore contentStore() {
        return store;
    }

    /** Makes this bean, and so the store, as the application starts. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // being notified is the point
    }

    /** Lets the S3 client's connections go when the application stops. */
    @PreDestroy
    void close() {
        if (store instanceof S3ContentStore s3) {
            s3.close();
        }
    }
}
