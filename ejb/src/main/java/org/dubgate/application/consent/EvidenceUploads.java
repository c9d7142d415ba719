package org.dubgate.application.consent;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.port.ContentSource;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.dubgate.domain.consent.EvidenceDocument;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Streams a signed consent document into storage, then accepts it only if its bytes are a PDF, PNG or JPEG. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EvidenceUploads {

    @Inject
    ContentStore store;
    @Inject
    ConsentService consent;
    @Inject
    @ConfigProperty(name = "dubgate.evidence.max-bytes", defaultValue = "52428800")
    long maxBytes;

    public long maxBytes() {
        return maxBytes;
    }

    public EvidenceDocument upload(Caller agent, String originalName, InputStream body) {
        try {
            StoredContent content = store.store(body, maxBytes);
            // the first bytes only, read from the store: a remote store need not fetch the whole document for them
            ContentSource stored = store.find(content.sha256())
                    .orElseThrow(() -> new IllegalStateException("stored evidence vanished"));
            byte[] head;
            try (InputStream in = stored.open(0, Math.min(16, stored.size()))) {
                head = in.readAllBytes();
            }
            EvidenceDocument.Kind kind = EvidenceDocument.Kind.sniff(head).orElseThrow(() -> new UnsupportedContentException(
                    "evidence must be a PDF, PNG or JPEG document; these bytes are none of them"));
            return consent.registerEvidence(agent, originalName, kind, content);
        } catch (IOException e) {
            throw new UncheckedIOException("evidence could not be stored", e);
        }
    }
}
