package org.dubgate.domain.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.UUID;

/**
 * One file of a delivery, under its name in the package. Its CRC-32 is taken when the delivery is
 * made (while its SHA-256 is verified), so the package can be streamed as a zip of stored entries
 * without reading any file twice.
 */
@Entity
@Table(name = "delivery_file")
public class DeliveryFile {

    /** What the file is. */
    public enum Kind { DIALOGUE_STEM, FULL_MIX, PROGRAMME, MANIFEST }

    @Id
    private UUID id;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_kind", nullable = false, length = 16)
    private Kind kind;

    @Column(length = 35)
    private String language;

    @Column(name = "content_sha256", nullable = false, length = 64)
    private String contentSha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private long crc32;

    @Column(name = "media_type", nullable = false, length = 64)
    private String mediaType;

    protected DeliveryFile() {
        // for JPA
    }

    public DeliveryFile(int position, String name, Kind kind, Optional<String> language, String contentSha256,
                        long sizeBytes, long crc32, String mediaType) {
        this.id = UUID.randomUUID();
        this.position = position;
        this.name = name;
        this.kind = kind;
        this.language = language.orElse(null);
        this.contentSha256 = contentSha256;
        this.sizeBytes = sizeBytes;
        this.crc32 = crc32;
        this.mediaType = mediaType;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    public String contentSha256() {
        return contentSha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public long crc32() {
        return crc32;
    }

    public String mediaType() {
        return mediaType;
    }
}
