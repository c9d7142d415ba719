package org.dubgate.domain.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The signed consent form (PDF or image) behind a grant; its bytes are in content storage. */
@Entity
@Table(name = "evidence_document")
public class EvidenceDocument {

    /** Types accepted as evidence, recognised by their first bytes, never by name. */
    public enum Kind {
        PDF("application/pdf"), PNG("image/png"), JPEG("image/jpeg");

        private final String mediaType;

        Kind(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }

        public static Optional<Kind> sniff(byte[] head) {
            if (startsWith(head, new byte[]{'%', 'P', 'D', 'F', '-'})) {
                return Optional.of(PDF);
            }
            if (startsWith(head, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
                return Optional.of(PNG);
            }
            if (startsWith(head, new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
                return Optional.of(JPEG);
            }
            return Optional.empty();
        }

        private static boolean startsWith(byte[] data, byte[] prefix) {
            if (data.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (data[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    @Id
    private UUID id;

    @Column(nullable = false, length = 128)
    private String agency;

    @Column(name = "content_sha256", nullable = false, length = 64)
    private String contentSha256;

    @Column(name = "media_type", nullable = false, length = 64)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "original_name", nullable = false, length = 512)
    private String originalName;

    @Column(name = "uploaded_by", nullable = false, length = 64)
    private String uploadedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected EvidenceDocument() {
        // for JPA
    }

    public static EvidenceDocument stored(String agency, Kind kind, String sha256, long size, String originalName,
                                          String uploadedBy, Instant now) {
        EvidenceDocument e = new EvidenceDocument();
        e.id = UUID.randomUUID();
        e.agency = agency;
        e.mediaType = kind.mediaType();
        e.contentSha256 = sha256;
        e.sizeBytes = size;
        e.originalName = originalName.length() > 512 ? originalName.substring(0, 512) : originalName;
        e.uploadedBy = uploadedBy;
        e.createdAt = now;
        return e;
    }

    public UUID id() {
        return id;
    }

    public String agency() {
        return agency;
    }

    public String contentSha256() {
        return contentSha256;
    }

    public String mediaType() {
        return mediaType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String originalName() {
        return originalName;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
