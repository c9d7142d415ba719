package org.dubgate.domain.identity;

import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.Optional;
import java.util.UUID;

public interface UserAccountRepository {

    Optional<UserAccount> find(UUID id);

    Optional<UserAccount> findByUsername(String username);

    boolean anyEnabledWithRole(Role role);

    /** Ordered by username; the cursor is the last username of the previous page. */
    Page<UserAccount> list(PageRequest page);

    void add(UserAccount user);
}
