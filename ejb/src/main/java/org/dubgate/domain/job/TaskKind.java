package org.dubgate.domain.job;

/** The units of work a job fans out into (DESIGN.md § Domain, Task). */
public enum TaskKind {
    SYNTHESIZE, LIP_SYNC, MIX, ASSEMBLE, CHECK
}
