/** Signing in (HTTP Basic once, then a session token), user administration and the first admin account. */
package org.dubgate.application.identity;
