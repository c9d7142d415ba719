/** Performers, consent evidence, consent grants and the consent-check dry run; agents only ever see their own agency. */
package org.dubgate.web.consent;
