package org.dubgate.domain.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.domain.shared.RuleViolationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who signs in. Holds only a password hash. Signing out, disabling and changing the
 * password move {@code tokensValidAfter}, which invalidates every session token issued before.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern AGENCY = Pattern.compile("\\S.{0,126}\\S|\\S");

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 16, nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(length = 128)
    private String agency;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "tokens_valid_after", nullable = false)
    private Instant tokensValidAfter;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected UserAccount() {
        // for JPA
    }

    /** Checks the username, roles and agency together, reporting every problem at once. */
    public static UserAccount create(String username, String passwordHash, Set<Role> roles, Optional<String> agency,
                                     Instant now) {
        List<FieldError> errors = new ArrayList<>(usernameErrors(username));
        errors.addAll(roleErrors(roles, agency));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UserAccount user = new UserAccount();
        user.id = UUID.randomUUID();
        user.username = username;
        user.passwordHash = passwordHash;
        user.roles = EnumSet.copyOf(roles);
        user.agency = agency.orElse(null);
        user.enabled = true;
        user.tokensValidAfter = now;
        user.createdAt = now;
        return user;
    }

    public static List<FieldError> usernameErrors(String username) {
        return username != null && USERNAME.matcher(username).matches() ? List.of() : List.of(new FieldError("username",
                "3 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }

    /** Every problem with this combination of roles and agency; empty when it is acceptable. */
    public static List<FieldError> roleErrors(Set<Role> roles, Optional<String> agency) {
        List<FieldError> errors = new ArrayList<>();
        if (roles == null || roles.isEmpty()) {
            errors.add(new FieldError("roles", "at least one role is required"));
            return errors;
        }
        if (roles.contains(Role.AGENT) && agency.isEmpty()) {
            errors.add(new FieldError("agency", "an agent must belong to an agency"));
        }
        if (!roles.contains(Role.AGENT) && agency.isPresent()) {
            errors.add(new FieldError("agency", "only agents belong to an agency"));
        }
        agency.filter(a -> !AGENCY.matcher(a).matches())
                .ifPresent(a -> errors.add(new FieldError("agency", "1 to 128 characters, no leading or trailing space")));
        return errors;
    }

    public void assignRoles(Set<Role> newRoles, Optional<String> newAgency) {
        List<FieldError> errors = roleErrors(newRoles, newAgency);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        roles = EnumSet.copyOf(newRoles);
        agency = newAgency.orElse(null);
    }

    public void disable(Instant now) {
        enabled = false;
        tokensValidAfter = now;
    }

    public void enable() {
        enabled = true;
    }

    public void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        tokensValidAfter = now;
    }

    /** Ends every session token issued so far. */
    public void signOutEverywhere(Instant now) {
        tokensValidAfter = now;
    }

    /** A session token is honoured only while the account is enabled and the token is newer than the last sign-out. */
    public boolean honoursTokenIssuedAt(Instant issuedAt) {
        return enabled && issuedAt.isAfter(tokensValidAfter);
    }

    public void requireNotSelf(UUID callerId, String action) {
        if (id.equals(callerId)) {
            throw new RuleViolationException("you cannot " + action + " your own account");
        }
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Optional<String> agency() {
        return Optional.ofNullable(agency);
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
