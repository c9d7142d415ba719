/**
 * Integration tests against the real WildFly (embedded Artemis, H2 or PostgreSQL) with the real
 * EAR, driven through HTTP like a client, plus in-container tests where only the inside can set the
 * scene (e.g. storage lost under a queued task).
 */
package org.dubgate.it;
