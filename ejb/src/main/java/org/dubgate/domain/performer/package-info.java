/** Performers: real people represented by one agency; a deceased performer's consent comes through the estate (R3). */
package org.dubgate.domain.performer;
