package org.dubgate.domain.performer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.domain.shared.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A real person whose voice or likeness may be used, managed by the agents of one agency. */
@Entity
@Table(name = "performer")
public class Performer {

    @Id
    private UUID id;

    @Column(nullable = false, length = 128)
    private String agency;

    @Column(name = "legal_name", nullable = false, length = 200)
    private String legalName;

    @Column(name = "stage_name", length = 200)
    private String stageName;

    @Column(nullable = false)
    private boolean deceased;

    @Column(name = "estate_representative", length = 200)
    private String estateRepresentative;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Performer() {
        // for JPA
    }

    /** The details an agent gives for a performer; checked together. */
    public record Details(String legalName, String stageName, boolean deceased, String estateRepresentative) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (Text.trimmed(legalName).isEmpty() || legalName.length() > 200) {
                errors.add(new FieldError("legalName", "required, at most 200 characters"));
            }
            if (stageName != null && stageName.length() > 200) {
                errors.add(new FieldError("stageName", "at most 200 characters"));
            }
            if (deceased && Text.trimmed(estateRepresentative).isEmpty()) {
                errors.add(new FieldError("estateRepresentative", "required for a deceased performer: consent comes from the estate"));
            }
            if (!deceased && Text.trimmed(estateRepresentative).isPresent()) {
                errors.add(new FieldError("estateRepresentative", "only a deceased performer has an estate representative"));
            }
            return errors;
        }
    }

    public static Performer register(String agency, Details details, Instant now) {
        Performer p = new Performer();
        p.id = UUID.randomUUID();
        p.agency = agency;
        p.createdAt = now;
        p.apply(details, now);
        return p;
    }

    public void edit(Details details, Instant now) {
        apply(details, now);
    }

    private void apply(Details details, Instant now) {
        List<FieldError> errors = details.errors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        legalName = details.legalName().strip();
        stageName = Text.trimmed(details.stageName()).orElse(null);
        deceased = details.deceased();
        estateRepresentative = Text.trimmed(details.estateRepresentative()).orElse(null);
        updatedAt = now;
    }

    /** The name credits and reports use. */
    public String displayName() {
        return stageName != null ? stageName : legalName;
    }

    public UUID id() {
        return id;
    }

    public String agency() {
        return agency;
    }

    public String legalName() {
        return legalName;
    }

    public Optional<String> stageName() {
        return Optional.ofNullable(stageName);
    }

    public boolean deceased() {
        return deceased;
    }

    public Optional<String> estateRepresentative() {
        return Optional.ofNullable(estateRepresentative);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
