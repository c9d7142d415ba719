package org.dubgate.domain.consent;

/** Why a grant does not cover a requested use. */
public enum ConsentReason {
    NO_GRANT("the performer has no consent grant for this use"),
    REVOKED("the grant was revoked"),
    NOT_YET_VALID("the grant is not valid yet"),
    EXPIRED("the grant has expired"),
    WRONG_TITLE("the grant does not name this title"),
    WRONG_LANGUAGE("the grant does not cover this language"),
    WRONG_TERRITORY("the grant does not cover this territory"),
    WRONG_PURPOSE("the grant does not cover this purpose");

    private final String text;

    ConsentReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
