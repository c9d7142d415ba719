package org.dubgate.domain.title;

import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.Optional;

public interface TitleRepository {

    Optional<Title> findByCode(String code);

    /** Ordered by code; the cursor is the last code of the previous page. */
    Page<Title> list(PageRequest page);

    void add(Title title);
}
