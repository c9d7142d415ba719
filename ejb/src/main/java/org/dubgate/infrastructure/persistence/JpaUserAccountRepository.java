package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.identity.UserAccount;
import org.dubgate.domain.identity.UserAccountRepository;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaUserAccountRepository implements UserAccountRepository {

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public Optional<UserAccount> find(UUID id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return em.createQuery("select u from UserAccount u where u.username = :name", UserAccount.class)
                .setParameter("name", username).getResultStream().findFirst();
    }

    @Override
    public boolean anyEnabledWithRole(Role role) {
        return !em.createQuery("select u.id from UserAccount u join u.roles r where r = :role and u.enabled = true",
                UUID.class).setParameter("role", role).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public Page<UserAccount> list(PageRequest page) {
        var rows = em.createQuery("select u from UserAccount u where u.username > :after order by u.username",
                        UserAccount.class)
                .setParameter("after", page.after().orElse(""))
                .setMaxResults(page.limit() + 1).getResultList();
        return Page.fromOverfetch(rows, page.limit(), UserAccount::username);
    }

    @Override
    public void add(UserAccount user) {
        em.persist(user);
    }
}
