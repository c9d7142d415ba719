package org.dubgate.application.identity;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.dubgate.domain.identity.UserAccount;
import org.dubgate.domain.identity.UserAccountRepository;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.infrastructure.security.CredentialCache;
import org.dubgate.infrastructure.security.PasswordHasher;
import org.dubgate.infrastructure.security.TokenCodec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Turns credentials into a {@link Caller}. A password is checked with PBKDF2 once; afterwards the
 * client presents a session token, or repeats Basic and is served from a short per-node cache.
 */
@Stateless
public class AuthenticationService {

    @Inject
    UserAccountRepository users;
    @Inject
    PasswordHasher hasher;
    @Inject
    CredentialCache cache;
    @Inject
    TokenCodec tokens;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "dubgate.session.ttl-minutes", defaultValue = "480")
    long sessionMinutes;

    public Optional<Caller> basic(String username, String password) {
        Optional<UserAccount> found = users.findByUsername(username).filter(UserAccount::enabled);
        if (found.isEmpty()) {
            hasher.burn(password);
            return Optional.empty();
        }
        UserAccount user = found.get();
        if (cache.recentlyVerified(username, password, user.passwordHash())) {
            return Optional.of(Caller.of(user));
        }
        if (!hasher.verify(password, user.passwordHash())) {
            return Optional.empty();
        }
        cache.remember(username, password, user.passwordHash());
        return Optional.of(Caller.of(user));
    }

    public Optional<Caller> bearer(String token) {
        return tokens.decode(token, clock.instant())
                .flatMap(claims -> users.find(claims.userId()).filter(u -> u.honoursTokenIssuedAt(claims.issuedAt())))
                .map(Caller::of);
    }

    public IssuedToken issueToken(Caller caller) {
        Instant now = now();
        Instant expires = now.plus(Duration.ofMinutes(sessionMinutes));
        return new IssuedToken(tokens.encode(caller.userId(), now, expires), expires);
    }

    /** Ends every session of the caller, on every node. */
    public void signOut(Caller caller) {
        users.find(caller.userId()).orElseThrow(() -> new NoSuchEntityException("user", caller.userId()))
                .signOutEverywhere(now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
