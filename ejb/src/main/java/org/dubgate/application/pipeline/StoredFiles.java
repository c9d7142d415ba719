package org.dubgate.application.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.port.ContentStore;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.domain.media.MediaAssetRepository;
import org.dubgate.domain.shared.NoSuchEntityException;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The local files of what a stage reads, found in its start transaction. A missing one fails the
 * attempt with a reason that names it — which record, which file, what is missing — since that is
 * what an operator needs to mend it.
 */
@ApplicationScoped
public class StoredFiles {

    @Inject
    ContentStore store;
    @Inject
    MediaAssetRepository media;

    public MediaAsset asset(UUID id) {
        return media.find(id).orElseThrow(() -> new NoSuchEntityException("media", id));
    }

    /** The file of an uploaded media asset; {@code role} says what it is to the job ("the M&E stem"). */
    public Path ofMedia(UUID mediaId, String role) {
        MediaAsset asset = asset(mediaId);
        return of(asset.contentSha256(), role + " (media " + mediaId + ", '" + asset.originalName() + "')");
    }

    /** A stored file by its content hash; {@code what} names it in the failure. */
    public Path of(String sha256, String what) {
        return store.localFile(sha256).orElseThrow(() -> new IllegalStateException(
                what + ": its stored content " + sha256 + " is missing from storage"));
    }
}
