package org.dubgate.application.identity;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.identity.UserAccount;
import org.dubgate.domain.identity.UserAccountRepository;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.infrastructure.security.PasswordHasher;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What admins do with accounts, plus each user's own password change. */
@Stateless
public class UserAdministration {

    public static final String FIRST_ADMIN = "admin";
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1024;

    @Inject
    UserAccountRepository users;
    @Inject
    PasswordHasher hasher;
    @Inject
    Clock clock;

    /** Checks every field and reports all problems at once; role names are the API's lower-case names. */
    public UserAccount create(String username, String password, List<String> roleNames, Optional<String> agency) {
        List<FieldError> errors = new ArrayList<>(UserAccount.usernameErrors(username));
        errors.addAll(passwordErrors("password", password));
        Set<Role> roles = Role.parseAll(roleNames, errors);
        if (errors.stream().noneMatch(e -> e.field().startsWith("roles["))) {
            errors.addAll(UserAccount.roleErrors(roles, agency));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (users.findByUsername(username).isPresent()) {
            throw new RuleViolationException("username '" + username + "' is already taken");
        }
        UserAccount user = UserAccount.create(username, hasher.hash(password), roles, agency, now());
        users.add(user);
        return user;
    }

    public UserAccount get(UUID id) {
        return users.find(id).orElseThrow(() -> new NoSuchEntityException("user", id));
    }

    public Page<UserAccount> list(PageRequest page) {
        return users.list(page);
    }

    public UserAccount assignRoles(UUID id, List<String> roleNames, Optional<String> agency, Caller by) {
        List<FieldError> errors = new ArrayList<>();
        Set<Role> roles = Role.parseAll(roleNames, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UserAccount user = get(id);
        if (!roles.contains(Role.ADMIN)) {
            user.requireNotSelf(by.userId(), "remove the admin role from");
        }
        user.assignRoles(roles, agency);
        return user;
    }

    public UserAccount disable(UUID id, Caller by) {
        UserAccount user = get(id);
        user.requireNotSelf(by.userId(), "disable");
        user.disable(now());
        return user;
    }

    public UserAccount enable(UUID id) {
        UserAccount user = get(id);
        user.enable();
        return user;
    }

    public void changeOwnPassword(Caller caller, String current, String replacement) {
        UserAccount user = get(caller.userId());
        List<FieldError> errors = new ArrayList<>(passwordErrors("password", replacement));
        if (current == null || !hasher.verify(current, user.passwordHash())) {
            errors.add(new FieldError("currentPassword", "does not match the current password"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        user.changePassword(hasher.hash(replacement), now());
    }

    /**
     * Creates the account {@value #FIRST_ADMIN} when no enabled admin exists. Returns the password
     * when one had to be generated, so the caller can show it once.
     */
    public Optional<String> ensureFirstAdmin(Optional<String> configuredPassword) {
        if (adminExists()) {
            return Optional.empty();
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(UserAdministration::generatePassword);
        create(FIRST_ADMIN, password, List.of(Role.ADMIN.apiName()), Optional.empty());
        return configuredPassword.filter(p -> !p.isBlank()).isPresent() ? Optional.empty() : Optional.of(password);
    }

    public boolean adminExists() {
        return users.anyEnabledWithRole(Role.ADMIN) || users.findByUsername(FIRST_ADMIN).isPresent();
    }

    private static List<FieldError> passwordErrors(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            return List.of(new FieldError(field, "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters"));
        }
        return List.of();
    }

    private static String generatePassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
