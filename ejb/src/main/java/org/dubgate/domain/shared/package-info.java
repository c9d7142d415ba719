/** Building blocks every aggregate shares: domain exceptions and cursor paging. */
package org.dubgate.domain.shared;
