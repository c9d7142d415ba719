package org.dubgate.media.script;

import java.util.List;
import java.util.stream.Collectors;

/** A script that cannot be imported, with every problem found. */
public final class ScriptException extends Exception {

    private final List<ScriptError> errors;

    public ScriptException(List<ScriptError> errors) {
        super(errors.stream().map(ScriptError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<ScriptError> errors() {
        return errors;
    }
}
