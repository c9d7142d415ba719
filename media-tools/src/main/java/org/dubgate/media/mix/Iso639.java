package org.dubgate.media.mix;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * ISO 639-2 codes for track language tags. Matroska (and MP4) want the bibliographic form, which
 * differs from the terminology form Java gives ({@code fra}) for twenty languages ({@code fre}).
 */
public final class Iso639 {

    private static final Map<String, String> BIBLIOGRAPHIC = Map.ofEntries(
            Map.entry("sqi", "alb"), Map.entry("hye", "arm"), Map.entry("eus", "baq"), Map.entry("mya", "bur"),
            Map.entry("zho", "chi"), Map.entry("ces", "cze"), Map.entry("nld", "dut"), Map.entry("fra", "fre"),
            Map.entry("kat", "geo"), Map.entry("deu", "ger"), Map.entry("ell", "gre"), Map.entry("isl", "ice"),
            Map.entry("mkd", "mac"), Map.entry("mri", "mao"), Map.entry("msa", "may"), Map.entry("fas", "per"),
            Map.entry("ron", "rum"), Map.entry("slk", "slo"), Map.entry("bod", "tib"), Map.entry("cym", "wel"));

    private Iso639() {
    }

    /** The ISO 639-2/B code of a BCP 47 tag's language ({@code es-419} → {@code spa}), or {@code und}. */
    public static String bibliographic(String bcp47) {
        String language = Locale.forLanguageTag(bcp47).getLanguage();
        if (language.isEmpty()) {
            return "und";
        }
        try {
            String terminology = new Locale(language).getISO3Language();
            return terminology.isEmpty() ? "und" : BIBLIOGRAPHIC.getOrDefault(terminology, terminology);
        } catch (MissingResourceException e) {
            return "und";
        }
    }

    /** The language's English name for a track title ({@code es-419} → {@code Spanish (Latin America)}). */
    public static String englishName(String bcp47) {
        Locale l = Locale.forLanguageTag(bcp47);
        String name = l.getDisplayLanguage(Locale.ENGLISH);
        String region = l.getCountry().isEmpty() ? "" : l.getDisplayCountry(Locale.ENGLISH);
        return (name.isEmpty() ? bcp47 : name) + (region.isEmpty() ? "" : " (" + region + ")");
    }
}
