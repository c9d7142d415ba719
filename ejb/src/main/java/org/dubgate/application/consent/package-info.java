/** Recording and revoking consent with its evidence, scoped to the agent's agency, each step in the ledger. */
package org.dubgate.application.consent;
