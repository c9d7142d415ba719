package org.dubgate.domain.title;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.consent.TitleCode;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.domain.shared.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A production or episode, known by a unique code (the code grants and approvals name). */
@Entity
@Table(name = "title")
public class Title {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 100)
    private String code;

    @Column(nullable = false, length = 300)
    private String name;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Title() {
        // for JPA
    }

    public static Title create(String code, String name, String by, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (TitleCode.parse(code).isEmpty()) {
            errors.add(new FieldError("code", "an explicit code of letters, digits and . _ : - (no wildcards), e.g. NORTHWIND-S01E03"));
        }
        if (Text.trimmed(name).isEmpty() || name.length() > 300) {
            errors.add(new FieldError("name", "required, at most 300 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Title t = new Title();
        t.id = UUID.randomUUID();
        t.code = code.strip();
        t.name = name.strip();
        t.createdBy = by;
        t.createdAt = now;
        return t;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
