/** Performers as agents manage them; every lookup by an agent is limited to the agent's agency in the query. */
package org.dubgate.application.performer;
