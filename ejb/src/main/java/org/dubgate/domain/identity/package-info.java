/** User accounts and the four roles of DESIGN.md; agents belong to exactly one agency. */
package org.dubgate.domain.identity;
