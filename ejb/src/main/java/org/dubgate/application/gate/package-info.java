/** Running the consent gate on a plan: gathering the facts on record, deciding, and putting every decision in the ledger. */
package org.dubgate.application.gate;
