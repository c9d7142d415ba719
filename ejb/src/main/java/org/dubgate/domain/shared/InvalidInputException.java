package org.dubgate.domain.shared;

import jakarta.ejb.ApplicationException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks one or more rules, each named by the field it concerns; all reported at once.
 * At most {@value #MAX_LISTED} are kept and listed, with the total count: a script of 50,000 bad
 * cues is refused in a body of kilobytes, not megabytes, and the first problems are what to fix first.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    public static final int MAX_LISTED = 100;

    /** One broken rule: {@code field} is a path into the request (e.g. {@code roles[1]}). */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;
    private final int total;

    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_LISTED)));
        this.total = errors.size();
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    private static String summary(List<FieldError> errors) {
        String listed = errors.stream().limit(MAX_LISTED).map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
        return errors.size() <= MAX_LISTED ? listed
                : errors.size() + " problems, the first " + MAX_LISTED + " listed: " + listed;
    }

    /** The first {@value #MAX_LISTED} problems, in the order they were found. */
    public List<FieldError> errors() {
        return errors;
    }

    /** How many problems there were in all, listed or not. */
    public int total() {
        return total;
    }
}
