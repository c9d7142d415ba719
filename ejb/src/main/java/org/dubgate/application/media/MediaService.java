package org.dubgate.application.media;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.port.ContentSource;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.dubgate.application.port.WorkItem;
import org.dubgate.application.port.WorkQueue;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.domain.media.MediaAssetRepository;
import org.dubgate.domain.media.MediaState;
import org.dubgate.domain.media.MediaSummary;
import org.dubgate.domain.shared.EnumNames;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.media.probe.MediaProbe;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Short transactions around the media aggregate; the slow work happens in the callers, outside them. */
@Stateless
public class MediaService {

    /** A READY asset and its stored bytes, to stream from where they are. */
    public record MediaContent(MediaAsset asset, ContentSource content) {
    }

    @Inject
    MediaAssetRepository media;
    @Inject
    ContentStore store;
    @Inject
    WorkQueue queue;
    @Inject
    Clock clock;

    /** Records stored content as a PENDING asset and queues its probe, in one transaction. */
    public MediaAsset register(Caller uploader, String originalName, String declaredType, StoredContent content) {
        MediaAsset asset = MediaAsset.uploaded(originalName, declaredType, content.sha256(), content.sizeBytes(),
                uploader.username(), clock.instant());
        media.add(asset);
        // before any backlog of job tasks: its uploader is waiting for the probe, which takes seconds
        queue.enqueue(new WorkItem(WorkItem.Kind.PROBE_MEDIA, asset.id()), WorkQueue.INTERACTIVE);
        return asset;
    }

    public MediaAsset get(UUID id) {
        return media.find(id).orElseThrow(() -> new NoSuchEntityException("media", id));
    }

    /** Newest first, optionally only media in one state ({@code PENDING}, {@code READY}, {@code REJECTED}). */
    public Page<MediaSummary> list(Optional<String> state, PageRequest page) {
        return media.list(EnumNames.parameter(MediaState.class, "state", state), page);
    }

    public MediaContent content(UUID id) {
        MediaAsset asset = get(id);
        asset.requireReady();
        ContentSource content = store.find(asset.contentSha256()).orElseThrow(() -> new IllegalStateException(
                "content " + asset.contentSha256() + " of media " + id + " is missing from storage"));
        return new MediaContent(asset, content);
    }

    /** Returns the content hash to probe, or empty when the asset was already decided (a redelivery). */
    public Optional<String> beginProbeAttempt(UUID id, int delivery) {
        MediaAsset asset = get(id);
        return asset.beginProbeAttempt(delivery, clock.instant()) ? Optional.of(asset.contentSha256()) : Optional.empty();
    }

    public void markReady(UUID id, MediaProbe probe) {
        get(id).markReady(probe, clock.instant());
    }

    public void reject(UUID id, String reason) {
        get(id).reject(reason, clock.instant());
    }

    /** Kept even though the failing attempt's own work rolls back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAttemptFailure(UUID id, String error) {
        get(id).recordAttemptFailure(error, clock.instant());
    }

    public void failAfterRetries(UUID id, Optional<String> why) {
        MediaAsset asset = get(id);
        why.ifPresent(reason -> asset.recordAttemptFailure(reason, clock.instant()));
        asset.failAfterRetries(clock.instant());
    }
}
