/**
 * JMS on the shared Artemis broker: the work queue (small JSON text messages, never serialized
 * Java) and its MDB worker that rethrows so the broker redelivers; the dead-letter consumer that
 * turns exhausted work into a FAILED state with its reason; and the relay of the job-events topic
 * to this node's progress streams.
 */
package org.dubgate.infrastructure.messaging;
