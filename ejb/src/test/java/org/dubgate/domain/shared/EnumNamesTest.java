package org.dubgate.domain.shared;

import org.dubgate.domain.media.MediaState;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnumNamesTest {

    @Test
    void aNameIsFoundOnlyExactly() {
        assertEquals(Optional.of(MediaState.READY), EnumNames.find(MediaState.class, "READY"));
        assertEquals(Optional.empty(), EnumNames.find(MediaState.class, "ready"));
        assertEquals(Optional.empty(), EnumNames.find(MediaState.class, null));
    }

    @Test
    void anAbsentParameterIsEmptyAndAnUnknownOneIsRefusedNamingTheFieldAndTheNames() {
        assertEquals(Optional.empty(), EnumNames.parameter(MediaState.class, "state", Optional.empty()));
        assertEquals(Optional.of(MediaState.PENDING), EnumNames.parameter(MediaState.class, "state", Optional.of("PENDING")));
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> EnumNames.parameter(MediaState.class, "state", Optional.of("MAYBE")));
        assertEquals("state", refused.errors().get(0).field());
        assertTrue(refused.errors().get(0).message().contains("READY"), refused.errors().get(0).message());
    }
}
