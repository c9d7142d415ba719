package org.dubgate.domain.consent;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where dubbed material may be exploited: an ISO 3166-1 alpha-2 code, or {@code WORLDWIDE}. */
public record Territory(String code) {

    public static final String WORLDWIDE = "WORLDWIDE";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public static Optional<Territory> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        return c.equals(WORLDWIDE) || COUNTRIES.contains(c) ? Optional.of(new Territory(c)) : Optional.empty();
    }

    /** A job's territory is a country; a grant's may be WORLDWIDE. */
    public boolean covers(Territory requested) {
        return covers(code, requested.code);
    }

    static boolean covers(String granted, String requested) {
        return granted.equals(WORLDWIDE) || granted.equals(requested);
    }

    @Override
    public String toString() {
        return code;
    }
}
