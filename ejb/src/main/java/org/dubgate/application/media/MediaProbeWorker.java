package org.dubgate.application.media;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.application.port.ContentStore;
import org.dubgate.media.probe.MediaProber;
import org.dubgate.media.probe.ProbeException;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Probes one asset. Runs with no transaction: FFmpeg reads every packet of the file, which for a
 * feature takes longer than a transaction should stay open. Bad content is a decision (REJECTED);
 * anything else is recorded on the asset and rethrown, so the queue retries and finally dead-letters.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaProbeWorker {

    private final MediaProber prober = new MediaProber();

    @Inject
    MediaService media;
    @Inject
    ContentStore store;

    /** @param delivery the broker's delivery count of the work item (1 the first time, 0 when unknown) */
    public void probe(UUID mediaId, int delivery) {
        Optional<String> sha256 = media.beginProbeAttempt(mediaId, delivery);
        if (sha256.isEmpty()) {
            return;
        }
        try {
            Path file = store.localFile(sha256.get()).orElseThrow(() -> new IllegalStateException(
                    "stored content " + sha256.get() + " is missing from storage"));
            media.markReady(mediaId, prober.probe(file));
        } catch (ProbeException e) {
            if (e.reason().isContentProblem()) {
                media.reject(mediaId, e.reason() + ": " + e.detail());
                return;
            }
            media.recordAttemptFailure(mediaId, e.reason() + ": " + e.detail());
            throw new IllegalStateException("probe of media " + mediaId + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            media.recordAttemptFailure(mediaId, e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        }
    }
}
