package org.dubgate.domain.consent;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A BCP 47 language tag, well formed and with a known ISO 639 language and (if any) a known ISO 3166
 * or UN M.49 region, in canonical case ({@code es-419}, {@code zh-Hant-TW}).
 *
 * <p><b>Matching rule</b> (RFC 4647 basic filtering, the grant's tag as the range): a grant for
 * {@code es} covers {@code es}, {@code es-419} and {@code es-ES}; a grant for {@code es-419} covers
 * {@code es-419} only, not {@code es} nor {@code es-ES}. Consent given for a broad language covers
 * its regional variants; consent for one variant covers nothing broader.
 */
public record LanguageTag(String value) {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Returns the canonical tag, or empty if it is not a valid tag with a known language and region. */
    public static Optional<LanguageTag> parse(String tag) {
        if (tag == null || tag.isBlank() || tag.contains(",")) {
            return Optional.empty();
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
        String language = locale.getLanguage();
        boolean knownLanguage = LANGUAGES.contains(language) || language.matches("[a-z]{3}");
        String region = locale.getCountry();
        boolean knownRegion = region.isEmpty() || COUNTRIES.contains(region) || region.matches("\\d{3}");
        if (!knownLanguage || !knownRegion) {
            return Optional.empty();
        }
        return Optional.of(new LanguageTag(locale.toLanguageTag()));
    }

    /** Whether consent for this tag covers work in {@code requested} (see the class comment). */
    public boolean covers(LanguageTag requested) {
        return covers(value, requested.value);
    }

    /** {@link #covers(LanguageTag)} on canonical tag strings, without allocating (the gate calls it in a loop). */
    static boolean covers(String range, String tag) {
        int n = range.length();
        return tag.length() >= n && tag.regionMatches(true, 0, range, 0, n)
                && (tag.length() == n || tag.charAt(n) == '-');
    }

    @Override
    public String toString() {
        return value;
    }
}
