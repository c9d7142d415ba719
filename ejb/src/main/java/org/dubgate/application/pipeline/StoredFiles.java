package org.dubgate.application.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.port.ContentStore;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.domain.media.MediaAssetRepository;
import org.dubgate.domain.shared.NoSuchEntityException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

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

    /**
     * Stored files by their content hashes, in order, fetched several at once by a remote store;
     * {@code what} names the i-th in the failure.
     */
    public List<Path> of(List<String> sha256s, IntFunction<String> what) {
        List<Optional<Path>> found = store.localFiles(sha256s);
        List<Path> files = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            int at = i;
            files.add(found.get(i).orElseThrow(() -> new IllegalStateException(what.apply(at)
                    + ": its stored content " + sha256s.get(at) + " is missing from storage")));
        }
        return files;
    }

    /** A stored file by its content hash; {@code what} names it in the failure. */
    public Path of(String sha256, String what) {
        return store.localFile(sha256).orElseThrow(() -> new IllegalStateException(
                what + ": its stored content " + sha256 + " is missing from storage"));
    }
}
