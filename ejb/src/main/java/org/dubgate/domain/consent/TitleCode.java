package org.dubgate.domain.consent;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The code that names one production or episode (e.g. {@code NORTHWIND-S01E03}). Grants and written
 * approvals name titles by code, explicitly: patterns and catch-all words are refused (R2).
 */
public record TitleCode(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Set<String> CATCH_ALL = Set.of("ALL", "ANY", "EVERY", "ALL-TITLES", "ANY-TITLE", "WORLDWIDE");

    public static Optional<TitleCode> parse(String code) {
        if (code == null || !FORM.matcher(code.strip()).matches()
                || CATCH_ALL.contains(code.strip().toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new TitleCode(code.strip()));
    }

    @Override
    public String toString() {
        return value;
    }
}
