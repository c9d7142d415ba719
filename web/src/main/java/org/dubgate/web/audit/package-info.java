/** The audit ledger for admins: filtered, cursor-paged reading and end-to-end verification. */
package org.dubgate.web.audit;
