package org.dubgate.domain.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.consent.TitleCode;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.domain.shared.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An admin's written approval of one escalated use, for one title (by code) or one job, with the
 * reasoning and an expiry. It clears exactly what it names: the escalation kind and, where the kind
 * has one, its subject (the performer, model or character).
 */
@Entity
@Table(name = "written_approval")
public class WrittenApproval {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Escalation escalation;

    @Column(length = 200)
    private String subject;

    @Column(name = "title_code", length = 100)
    private String titleCode;

    @Column(name = "job_id")
    private UUID jobId;

    @Column(nullable = false, length = 4000)
    private String text;

    @Column(name = "valid_until", nullable = false)
    private Instant validUntil;

    @Column(name = "approved_by", nullable = false, length = 64)
    private String approvedBy;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    @Column(nullable = false)
    private boolean revoked;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revocation_reason", length = 2000)
    private String revocationReason;

    @Version
    private long version;

    protected WrittenApproval() {
        // for JPA
    }

    public static WrittenApproval record(Escalation escalation, String subject, String titleCode, UUID jobId,
                                         String text, Instant validUntil, String approvedBy, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (escalation == null) {
            errors.add(new FieldError("escalation", "required: STOCK_VOICE, FINAL_PURPOSE, ESTATE_GRANT or MODEL_DATA_TERMS"));
        } else if (escalation.needsSubject() && Text.trimmed(subject).isEmpty()) {
            errors.add(new FieldError("subject", "required for " + escalation + ": the character, performer id or model id it clears"));
        }
        Optional<TitleCode> title = Optional.ofNullable(titleCode).flatMap(TitleCode::parse);
        if ((titleCode == null) == (jobId == null)) {
            errors.add(new FieldError("titleCode", "name exactly one scope: a titleCode or a jobId"));
        } else if (titleCode != null && title.isEmpty()) {
            errors.add(new FieldError("titleCode", "an explicit title code (no wildcards)"));
        }
        if (Text.trimmed(text).map(String::length).orElse(0) < 20) {
            errors.add(new FieldError("text", "required: the written approval itself (at least 20 characters)"));
        }
        if (validUntil == null || !validUntil.isAfter(now)) {
            errors.add(new FieldError("validUntil", "required, in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        WrittenApproval a = new WrittenApproval();
        a.id = UUID.randomUUID();
        a.escalation = escalation;
        a.subject = escalation.needsSubject() ? subject.strip() : null;
        a.titleCode = title.map(TitleCode::value).orElse(null);
        a.jobId = jobId;
        a.text = text.strip();
        a.validUntil = validUntil;
        a.approvedBy = approvedBy;
        a.approvedAt = now;
        return a;
    }

    /** Whether this approval clears {@code escalation} of {@code subject} for the title or job at {@code at}. */
    public boolean clears(Escalation escalation, Optional<String> subject, TitleCode title, Optional<UUID> job, Instant at) {
        boolean inScope = (titleCode != null && titleCode.equals(title.value()))
                || (jobId != null && job.filter(jobId::equals).isPresent());
        boolean sameSubject = !escalation.needsSubject() || subject.filter(s -> s.equals(this.subject)).isPresent();
        return !revoked && this.escalation == escalation && sameSubject && inScope && at.isBefore(validUntil)
                && !at.isBefore(approvedAt);
    }

    /** Whether this approval may override a model's unclean data terms at registry approval. */
    public boolean overridesDataTermsOf(UUID modelId, Instant at) {
        return !revoked && escalation == Escalation.MODEL_DATA_TERMS && modelId.toString().equals(subject)
                && at.isBefore(validUntil);
    }

    public void revoke(String reason, Instant now) {
        if (revoked) {
            throw new RuleViolationException("approval " + id + " was already revoked");
        }
        if (Text.trimmed(reason).isEmpty()) {
            throw InvalidInputException.of("reason", "required");
        }
        revoked = true;
        revokedAt = now;
        revocationReason = Text.clip(reason.strip(), 2000);
    }

    public UUID id() {
        return id;
    }

    public Escalation escalation() {
        return escalation;
    }

    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    public Optional<String> titleCode() {
        return Optional.ofNullable(titleCode);
    }

    public Optional<UUID> jobId() {
        return Optional.ofNullable(jobId);
    }

    public String text() {
        return text;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public boolean revoked() {
        return revoked;
    }

    public Optional<String> revocationReason() {
        return Optional.ofNullable(revocationReason);
    }
}
