/**
 * Ports to infrastructure the application needs but does not implement: content storage and the
 * work queue. Local-folder and JMS implementations live in {@code org.dubgate.infrastructure}.
 */
package org.dubgate.application.port;
