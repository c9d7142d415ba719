package org.dubgate.media.script;

/** One problem in a script: where ({@code line 12}, {@code <p> at line 40}) and what. */
public record ScriptError(String where, String message) {

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
