package org.dubgate.web.catalog;

/** A title: its unique code and its name. */
public record TitleRequest(String code, String name) {
}
