/** Appending to the audit ledger inside the transaction of the change it records, reading it, and verifying the chain. */
package org.dubgate.application.audit;
