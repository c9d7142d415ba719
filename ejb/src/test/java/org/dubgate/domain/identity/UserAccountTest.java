package org.dubgate.domain.identity;

import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class UserAccountTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void reportsEveryProblemAtOnce() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> UserAccount.create("No Spaces!", "h", Set.of(), Optional.of("Acme"), T0));
        assertEquals(List.of("username", "roles"), e.errors().stream().map(InvalidInputException.FieldError::field).toList());
    }

    @Test
    void agentNeedsAnAgencyAndOnlyAgentsHaveOne() {
        assertEquals("agency", UserAccount.roleErrors(Set.of(Role.AGENT), Optional.empty()).get(0).field());
        assertEquals("only agents belong to an agency",
                UserAccount.roleErrors(Set.of(Role.MANAGER), Optional.of("Acme")).get(0).message());
        assertTrue(UserAccount.roleErrors(Set.of(Role.AGENT, Role.QA), Optional.of("Acme Talent")).isEmpty());
    }

    @Test
    void unknownRoleNamesAreReportedWithTheirPosition() {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        Set<Role> roles = Role.parseAll(List.of("qa", "wizard", "admin"), errors);
        assertEquals(Set.of(Role.QA, Role.ADMIN), roles);
        assertEquals("roles[1]", errors.get(0).field());
    }

    @Test
    void tokensIssuedBeforeSignOutOrDisableAreRefused() {
        UserAccount user = UserAccount.create("mia", "hash", Set.of(Role.QA), Optional.empty(), T0);
        Instant issued = T0.plusSeconds(5);
        assertTrue(user.honoursTokenIssuedAt(issued));
        assertFalse(user.honoursTokenIssuedAt(T0), "a token is only good if issued after the valid-after instant");

        user.signOutEverywhere(T0.plusSeconds(10));
        assertFalse(user.honoursTokenIssuedAt(issued));
        assertTrue(user.honoursTokenIssuedAt(T0.plusSeconds(11)));

        user.disable(T0.plusSeconds(20));
        assertFalse(user.honoursTokenIssuedAt(T0.plusSeconds(30)), "a disabled account honours no token");
        user.enable();
        assertTrue(user.honoursTokenIssuedAt(T0.plusSeconds(30)));
    }

    @Test
    void adminCannotDisableThemselves() {
        UserAccount user = UserAccount.create("root", "hash", Set.of(Role.ADMIN), Optional.empty(), T0);
        assertThrows(RuleViolationException.class, () -> user.requireNotSelf(user.id(), "disable"));
    }
}
