/**
 * Ports to infrastructure the application needs but does not implement: content storage (with the
 * sources downloads read from) and the work queue. Local-folder, S3 and JMS implementations live in
 * {@code org.dubgate.infrastructure}.
 */
package org.dubgate.application.port;
