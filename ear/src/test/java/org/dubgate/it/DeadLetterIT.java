package org.dubgate.it;

import jakarta.inject.Inject;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.media.MediaService;
import org.dubgate.application.port.StoredContent;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.domain.media.MediaState;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Runs inside the server: registers media whose stored bytes do not exist, so every probe attempt
 * fails. Artemis must redeliver it the configured three times, then dead-letter it, and the
 * dead-letter consumer must leave the record FAILED with the reason: no silent loss.
 */
@ExtendWith(ArquillianExtension.class)
class DeadLetterIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(DeadLetterIT.class);
    }

    @Inject
    MediaService media;

    @Test
    void workThatKeepsFailingIsRetriedThenDeadLetteredAndMarkedFailed() throws InterruptedException {
        String missing = "ab".repeat(32);
        Caller caller = new Caller(UUID.randomUUID(), "dead-letter-test", Set.of(Role.MANAGER), Optional.empty());
        UUID id = media.register(caller, "ghost.mpg", "video/mpeg", new StoredContent(missing, 1234)).id();

        MediaAsset asset = media.get(id);
        long deadline = System.currentTimeMillis() + 60_000;
        while (asset.state() == MediaState.PENDING && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            asset = media.get(id);
        }
        assertEquals(MediaState.FAILED, asset.state(), "after retries the record must say FAILED");
        assertEquals(3, asset.attempts(), "max-delivery-attempts is 3");
        assertEquals("probing failed after 3 attempt(s): stored content " + missing + " is missing from storage",
                asset.stateReason().orElseThrow());
    }
}
