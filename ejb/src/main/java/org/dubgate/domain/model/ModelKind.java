package org.dubgate.domain.model;

public enum ModelKind {
    VOICE, LIP_SYNC
}
