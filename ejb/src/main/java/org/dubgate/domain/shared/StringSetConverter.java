package org.dubgate.domain.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Stores a small set of codes (languages, territories, title codes, enum names) as one sorted,
 * comma-separated column, so a grant loads in one row instead of five collection tables. Values are
 * validated elsewhere to contain no comma.
 */
@Converter
public class StringSetConverter implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> values) {
        return values == null ? "" : String.join(",", new TreeSet<>(values));
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(column.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
