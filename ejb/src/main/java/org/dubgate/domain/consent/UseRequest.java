package org.dubgate.domain.consent;

import java.time.Instant;
import java.util.UUID;

/** One use a job needs cleared: who, what, where, what for, and when. */
public record UseRequest(UUID performerId, ConsentUse use, TitleCode title, LanguageTag language, Territory territory,
                         Purpose purpose, Instant at) {
}
