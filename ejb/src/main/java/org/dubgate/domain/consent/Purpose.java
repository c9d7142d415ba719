package org.dubgate.domain.consent;

/** TEMP material is for internal review only; FINAL material may be delivered (R6). */
public enum Purpose {
    TEMP, FINAL
}
