/**
 * Content-addressed storage: a local folder (the embedded default; shared storage for several nodes)
 * or an S3-compatible bucket with a per-node cache for tools that need files. {@code ContentStores}
 * makes the one that {@code dubgate.storage} names.
 */
package org.dubgate.infrastructure.storage;
