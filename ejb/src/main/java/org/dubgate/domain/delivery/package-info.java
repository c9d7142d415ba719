/**
 * Deliveries: an approved job's package — per language the dialogue stem and full mix, the
 * programme, and the manifest that labels every AI-made part (R7) — its recall when a grant it used is
 * revoked (R9), and the end of a TEMP delivery's files after its retention (R6).
 */
package org.dubgate.domain.delivery;
