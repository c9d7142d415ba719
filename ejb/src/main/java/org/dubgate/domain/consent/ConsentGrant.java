package org.dubgate.domain.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.performer.Performer;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.domain.shared.StringSetConverter;
import org.dubgate.domain.shared.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A performer's recorded consent. Its scope never changes after recording — a wider or different
 * scope is a new grant — so a decision made under it can always be traced to what was agreed.
 * Revocation takes effect at once; expiry is derived from the validity window.
 *
 * <p>Longer than most classes here (about 390 lines): recording a grant checks all of it in one place —
 * its scope's codes, the validity window, a description specific enough to be evidence, compensation,
 * who signed (the performer, or a deceased performer's estate) and the evidence's agency — it decides
 * what it covers, and a score of read-only accessors serve the gate, the ledger and the usage report.
 */
@Entity
@Table(name = "consent_grant")
public class ConsentGrant {

    /** Placeholder words that make a description say nothing about the intended use. */
    private static final Set<String> TOKEN_WORDS = Set.of("test", "tbd", "todo", "n/a", "na", "none", "ok", "yes",
            "consent", "voice", "dubbing", "dub", "ai", "use", "all", "any", "everything", "general", "lorem", "ipsum",
            "xxx", "asdf", "-", ".");
    static final int MIN_DESCRIPTION_CHARS = 40;
    static final int MIN_DESCRIPTION_WORDS = 8;

    /** Whether a grant is in force at a given instant. Revocation is recorded; the rest follows from dates. */
    public enum Standing { ACTIVE, REVOKED, NOT_YET_VALID, EXPIRED }

    @Id
    private UUID id;

    @Column(name = "performer_id", nullable = false)
    private UUID performerId;

    @Column(nullable = false, length = 128)
    private String agency;

    @Convert(converter = StringSetConverter.class)
    @Column(nullable = false, length = 64)
    private Set<String> uses;

    @Convert(converter = StringSetConverter.class)
    @Column(nullable = false, length = 4000)
    private Set<String> titles;

    @Convert(converter = StringSetConverter.class)
    @Column(nullable = false, length = 2000)
    private Set<String> languages;

    @Convert(converter = StringSetConverter.class)
    @Column(nullable = false, length = 2000)
    private Set<String> territories;

    @Convert(converter = StringSetConverter.class)
    @Column(nullable = false, length = 32)
    private Set<String> purposes;

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    @Column(name = "valid_until", nullable = false)
    private Instant validUntil;

    @Column(nullable = false, length = 4000)
    private String description;

    @Column(name = "evidence_id", nullable = false)
    private UUID evidenceId;

    @Column(name = "evidence_sha256", nullable = false, length = 64)
    private String evidenceSha256;

    @Column(name = "compensation_reference", nullable = false, length = 200)
    private String compensationReference;

    @Column(name = "estate_grant", nullable = false)
    private boolean estateGrant;

    @Column(name = "signed_by", nullable = false, length = 200)
    private String signedBy;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false)
    private boolean revoked;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Column(name = "revocation_reason", length = 2000)
    private String revocationReason;

    @Version
    private long version;

    protected ConsentGrant() {
        // for JPA
    }

    /** What an agent submits; every field is checked and every problem reported at once. */
    public record Terms(List<String> uses, List<String> titles, List<String> languages, List<String> territories,
                        List<String> purposes, Instant validFrom, Instant validUntil, String description,
                        String compensationReference, String signedBy) {
    }

    public static ConsentGrant record(Performer performer, Terms terms, EvidenceDocument evidence, String recordedBy,
                                      Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> uses = codes("uses", terms.uses(), u -> enumName(ConsentUse.class, u), errors);
        Set<String> titles = codes("titles", terms.titles(), t -> TitleCode.parse(t).map(TitleCode::value), errors);
        Set<String> languages = codes("languages", terms.languages(), l -> LanguageTag.parse(l).map(LanguageTag::value), errors);
        Set<String> territories = codes("territories", terms.territories(), t -> Territory.parse(t).map(Territory::code), errors);
        Set<String> purposes = codes("purposes", terms.purposes(), p -> enumName(Purpose.class, p), errors);
        if (terms.validFrom() == null) {
            errors.add(new FieldError("validFrom", "required"));
        }
        if (terms.validUntil() == null) {
            errors.add(new FieldError("validUntil", "required"));
        } else if (terms.validFrom() != null && !terms.validUntil().isAfter(terms.validFrom())) {
            errors.add(new FieldError("validUntil", "must be after validFrom"));
        }
        descriptionProblem(terms.description()).ifPresent(p -> errors.add(new FieldError("description", p)));
        if (Text.trimmed(terms.compensationReference()).isEmpty()) {
            errors.add(new FieldError("compensationReference", "required: how the performer is paid for this use"));
        }
        String signedBy = Text.trimmed(terms.signedBy()).orElse(null);
        if (performer.deceased()) {
            if (signedBy == null || !signedBy.equalsIgnoreCase(performer.estateRepresentative().orElse(""))) {
                errors.add(new FieldError("signedBy", "a deceased performer's consent is signed by the estate's "
                        + "representative on record (" + performer.estateRepresentative().orElse("none") + ")"));
            }
        } else if (signedBy != null && !signedBy.equalsIgnoreCase(performer.legalName())) {
            errors.add(new FieldError("signedBy", "a living performer signs their own consent (" + performer.legalName() + ")"));
        }
        if (!evidence.agency().equals(performer.agency())) {
            errors.add(new FieldError("evidenceId", "no evidence document with this id in the performer's agency"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ConsentGrant g = new ConsentGrant();
        g.id = UUID.randomUUID();
        g.performerId = performer.id();
        g.agency = performer.agency();
        g.uses = uses;
        g.titles = titles;
        g.languages = languages;
        g.territories = territories;
        g.purposes = purposes;
        g.validFrom = terms.validFrom();
        g.validUntil = terms.validUntil();
        g.description = terms.description().strip();
        g.evidenceId = evidence.id();
        g.evidenceSha256 = evidence.contentSha256();
        g.compensationReference = terms.compensationReference().strip();
        g.estateGrant = performer.deceased();
        g.signedBy = signedBy != null ? signedBy : performer.legalName();
        g.recordedBy = recordedBy;
        g.recordedAt = now;
        return g;
    }

    /**
     * A description must say what will be made and how it will be used (SAG-AFTRA: "reasonably
     * specific"): at least {@value #MIN_DESCRIPTION_WORDS} words and {@value #MIN_DESCRIPTION_CHARS}
     * characters, not made of placeholder words.
     */
    static Optional<String> descriptionProblem(String description) {
        String d = Text.trimmed(description).orElse("");
        List<String> words = Arrays.stream(d.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}/.-]+"))
                .filter(w -> !w.isBlank()).toList();
        long meaningful = words.stream().filter(w -> !TOKEN_WORDS.contains(w)).distinct().count();
        if (d.isEmpty()) {
            return Optional.of("required: a reasonably specific description of the intended use");
        }
        if (d.length() < MIN_DESCRIPTION_CHARS || words.size() < MIN_DESCRIPTION_WORDS || meaningful < MIN_DESCRIPTION_WORDS / 2) {
            return Optional.of("too vague: describe what will be synthesized or altered, for which production and "
                    + "how it will be used (at least " + MIN_DESCRIPTION_WORDS + " words)");
        }
        return Optional.empty();
    }

    private static Set<String> codes(String field, List<String> values, java.util.function.Function<String, Optional<String>> parse,
                                     List<FieldError> errors) {
        if (values == null || values.isEmpty()) {
            errors.add(new FieldError(field, "at least one is required"));
            return Set.of();
        }
        Set<String> parsed = new java.util.TreeSet<>();
        for (int i = 0; i < values.size(); i++) {
            Optional<String> v = parse.apply(values.get(i));
            if (v.isEmpty()) {
                errors.add(new FieldError(field + "[" + i + "]", "'" + values.get(i) + "' is not " + describe(field)));
            } else {
                parsed.add(v.get());
            }
        }
        return parsed;
    }

    private static String describe(String field) {
        return switch (field) {
            case "uses" -> "one of " + Arrays.toString(ConsentUse.values());
            case "titles" -> "an explicit title code (no wildcards or catch-all words)";
            case "languages" -> "a valid BCP 47 language tag with a known language";
            case "territories" -> "an ISO 3166-1 alpha-2 country code or WORLDWIDE";
            case "purposes" -> "one of " + Arrays.toString(Purpose.values());
            default -> "valid";
        };
    }

    private static <E extends Enum<E>> Optional<String> enumName(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).filter(n -> n.equals(value)).findFirst();
    }

    public void revoke(String by, String reason, Instant now) {
        if (revoked) {
            throw new RuleViolationException("grant " + id + " was already revoked at " + revokedAt);
        }
        if (Text.trimmed(reason).isEmpty()) {
            throw InvalidInputException.of("reason", "required: why the consent is withdrawn");
        }
        revoked = true;
        revokedAt = now;
        revokedBy = by;
        revocationReason = Text.clip(reason.strip(), 2000);
    }

    /** Standing at an instant: the window is [validFrom, validUntil) — from inclusive, until exclusive. */
    public Standing standingAt(Instant at) {
        if (revoked) {
            return Standing.REVOKED;
        }
        if (at.isBefore(validFrom)) {
            return Standing.NOT_YET_VALID;
        }
        return at.isBefore(validUntil) ? Standing.ACTIVE : Standing.EXPIRED;
    }

    /** Every reason this grant does not cover the request; empty when it covers it. */
    public List<ConsentReason> shortfalls(UseRequest request) {
        List<ConsentReason> reasons = new ArrayList<>();
        switch (standingAt(request.at())) {
            case REVOKED -> reasons.add(ConsentReason.REVOKED);
            case NOT_YET_VALID -> reasons.add(ConsentReason.NOT_YET_VALID);
            case EXPIRED -> reasons.add(ConsentReason.EXPIRED);
            case ACTIVE -> { }
        }
        if (!titles.contains(request.title().value())) {
            reasons.add(ConsentReason.WRONG_TITLE);
        }
        if (!anyCovers(languages, request.language().value(), LanguageTag::covers)) {
            reasons.add(ConsentReason.WRONG_LANGUAGE);
        }
        if (!anyCovers(territories, request.territory().code(), Territory::covers)) {
            reasons.add(ConsentReason.WRONG_TERRITORY);
        }
        if (!purposes.contains(request.purpose().name())) {
            reasons.add(ConsentReason.WRONG_PURPOSE);
        }
        return reasons;
    }

    private static boolean anyCovers(Set<String> granted, String requested,
                                     java.util.function.BiPredicate<String, String> covers) {
        for (String g : granted) {
            if (covers.test(g, requested)) {
                return true;
            }
        }
        return false;
    }

    public boolean permits(ConsentUse use) {
        return uses.contains(use.name());
    }

    public UUID id() {
        return id;
    }

    public UUID performerId() {
        return performerId;
    }

    public String agency() {
        return agency;
    }

    public Set<ConsentUse> uses() {
        return uses.stream().map(ConsentUse::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(ConsentUse.class)));
    }

    public Set<String> titles() {
        return Set.copyOf(titles);
    }

    public Set<String> languages() {
        return Set.copyOf(languages);
    }

    public Set<String> territories() {
        return Set.copyOf(territories);
    }

    public Set<Purpose> purposes() {
        return purposes.stream().map(Purpose::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Purpose.class)));
    }

    public Instant validFrom() {
        return validFrom;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public String description() {
        return description;
    }

    public UUID evidenceId() {
        return evidenceId;
    }

    public String evidenceSha256() {
        return evidenceSha256;
    }

    public String compensationReference() {
        return compensationReference;
    }

    public boolean estateGrant() {
        return estateGrant;
    }

    public String signedBy() {
        return signedBy;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public boolean revoked() {
        return revoked;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<String> revokedBy() {
        return Optional.ofNullable(revokedBy);
    }

    public Optional<String> revocationReason() {
        return Optional.ofNullable(revocationReason);
    }
}
