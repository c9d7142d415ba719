/**
 * JMS on the shared Artemis broker: the work queue (small JSON text messages, never serialized
 * Java), the MDB workers that rethrow so the broker redelivers, and the dead-letter consumers that
 * turn exhausted work into a FAILED state with its reason.
 */
package org.dubgate.infrastructure.messaging;
