package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.domain.title.Title;
import org.dubgate.domain.title.TitleRepository;

import java.util.Optional;

@ApplicationScoped
public class JpaTitleRepository implements TitleRepository {

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public Optional<Title> findByCode(String code) {
        return em.createQuery("select t from Title t where t.code = :code", Title.class).setParameter("code", code)
                .getResultStream().findFirst();
    }

    @Override
    public Page<Title> list(PageRequest page) {
        var rows = em.createQuery("select t from Title t where t.code > :after order by t.code", Title.class)
                .setParameter("after", page.after().orElse("")).setMaxResults(page.limit() + 1).getResultList();
        return Page.fromOverfetch(rows, page.limit(), Title::code);
    }

    @Override
    public void add(Title title) {
        em.persist(title);
    }
}
