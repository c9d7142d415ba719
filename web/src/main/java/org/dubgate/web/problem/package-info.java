/** RFC 9457 problem details: every failure leaves the API as {@code application/problem+json}. */
package org.dubgate.web.problem;
