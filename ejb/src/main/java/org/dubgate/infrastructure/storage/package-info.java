/** Content-addressed storage in a local folder (the embedded default; shared storage for several nodes). */
package org.dubgate.infrastructure.storage;
