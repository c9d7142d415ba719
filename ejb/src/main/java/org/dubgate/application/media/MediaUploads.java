package org.dubgate.application.media;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.dubgate.domain.media.MediaAsset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Streams an upload into storage with no transaction open (a 20 GiB body takes minutes), then
 * registers it in a short one. Whether it is media is decided later by content, never by name.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaUploads {

    @Inject
    ContentStore store;
    @Inject
    MediaService media;
    @Inject
    @ConfigProperty(name = "dubgate.upload.max-bytes", defaultValue = "21474836480")
    long maxUploadBytes;

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    public MediaAsset upload(Caller uploader, String originalName, String declaredType, InputStream body) {
        StoredContent content;
        try {
            content = store.store(body, maxUploadBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("upload could not be stored", e);
        }
        return media.register(uploader, originalName, declaredType, content);
    }
}
