/** Written approvals (R4): an admin's recorded decision that clears an escalated use for one job or title. */
package org.dubgate.domain.approval;
