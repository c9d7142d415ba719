/**
 * Consent grants (R1–R3): a performer's permission for named uses, titles, languages, territories
 * and purposes within a validity window, with signed evidence. Immutable once recorded; revocation
 * takes effect at once and keeps the history.
 */
package org.dubgate.domain.consent;
