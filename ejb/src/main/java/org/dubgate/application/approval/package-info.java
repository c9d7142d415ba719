/** Admins' written approvals of escalated uses, each recorded in the ledger. */
package org.dubgate.application.approval;
