package org.dubgate.web.catalog;

import org.dubgate.domain.title.Title;

import java.time.Instant;

public record TitleResponse(String id, String code, String name, String createdBy, Instant createdAt) {

    public static TitleResponse of(Title t) {
        return new TitleResponse(t.id().toString(), t.code(), t.name(), t.createdBy(), t.createdAt());
    }
}
