/** MicroProfile readiness checks (management port, /health/ready): database and storage. */
package org.dubgate.infrastructure.health;
