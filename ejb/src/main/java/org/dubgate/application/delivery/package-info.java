/**
 * Delivery of an approved job: its files verified against their hashes, the manifest that labels
 * every AI-made part (R7), the package streamed from storage; recall when a grant it used is revoked
 * (R9); and the removal of a TEMP delivery's files after its retention (R6).
 */
package org.dubgate.application.delivery;
