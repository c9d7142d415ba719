package org.dubgate.domain.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum constant by its exact name, as clients send states and kinds: unlike {@code valueOf}, an
 * unknown name is an answer (empty, or a 400 naming the field and every allowed name), not an exception.
 */
public final class EnumNames {

    private EnumNames() {
    }

    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst();
    }

    /** A query parameter: absent stays empty; a name that is not one of {@code type}'s is refused, naming {@code field}. */
    public static <E extends Enum<E>> Optional<E> parameter(Class<E> type, String field, Optional<String> name) {
        return name.map(n -> find(type, n).orElseThrow(() -> InvalidInputException.of(field,
                "one of " + Arrays.toString(type.getEnumConstants()))));
    }
}
