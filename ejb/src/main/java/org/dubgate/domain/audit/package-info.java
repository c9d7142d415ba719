/**
 * The audit ledger (R8): append-only entries, each hashed over the previous entry's hash and its own
 * canonical form, so altering, removing or reordering any entry is detected by walking the chain.
 */
package org.dubgate.domain.audit;
