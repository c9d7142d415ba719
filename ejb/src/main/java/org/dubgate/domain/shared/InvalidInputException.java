package org.dubgate.domain.shared;

import jakarta.ejb.ApplicationException;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks one or more rules, each named by the field it concerns; all reported at once. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    /** One broken rule: {@code field} is a path into the request (e.g. {@code roles[1]}). */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
