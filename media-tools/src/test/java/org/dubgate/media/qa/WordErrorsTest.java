package org.dubgate.media.qa;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WordErrorsTest {

    @Test
    void wordsAreLowerCaseWithoutPunctuationKeepingInnerApostrophes() {
        assertEquals(List.of("don't", "say", "well", "known", "quoted", "words", "café", "42"),
                WordErrors.words("Don\u2019t say: \"well-known\" 'quoted' words… café, 42!"));
        assertEquals(List.of(), WordErrors.words(" — ... "));
    }

    @Test
    void substitutionsDeletionsAndInsertionsAreCountedApart() {
        List<String> ref = WordErrors.words("the quick brown fox jumps");
        assertEquals(new WordErrors(0, 0, 0, 5), WordErrors.align(ref, ref));
        assertEquals(new WordErrors(1, 0, 0, 5), WordErrors.align(ref, WordErrors.words("the quick brown box jumps")));
        assertEquals(new WordErrors(0, 2, 0, 5), WordErrors.align(ref, WordErrors.words("the brown fox")));
        assertEquals(new WordErrors(0, 0, 2, 5), WordErrors.align(ref, WordErrors.words("oh the quick brown fox jumps high")));
        assertEquals(0.4, WordErrors.align(ref, WordErrors.words("the brown fox")).rate(), 1e-9);
        assertEquals(new WordErrors(0, 5, 0, 5), WordErrors.align(ref, List.of()));
        assertEquals(new WordErrors(0, 0, 2, 0), WordErrors.align(List.of(), List.of("a", "b")));
        assertTrue(Double.isNaN(WordErrors.align(List.of(), List.of("a")).rate()));
    }
}
