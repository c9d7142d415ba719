package org.dubgate.media.mix;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Iso639Test {

    @Test
    void bcp47TagsBecomeBibliographicCodes() {
        assertEquals("eng", Iso639.bibliographic("en"));
        assertEquals("spa", Iso639.bibliographic("es-419"));
        assertEquals("fre", Iso639.bibliographic("fr-CA"), "bibliographic, not fra");
        assertEquals("ger", Iso639.bibliographic("de"));
        assertEquals("chi", Iso639.bibliographic("zh-Hans"));
        assertEquals("por", Iso639.bibliographic("pt-BR"));
        assertEquals("und", Iso639.bibliographic("x-private"));
    }

    @Test
    void trackTitlesNameTheLanguageAndRegion() {
        assertEquals("Spanish", Iso639.englishName("es"));
        assertEquals("Portuguese (Brazil)", Iso639.englishName("pt-BR"));
    }
}
