/** Media upload (streamed, size-limited), its record with the probe, and ranged download. */
package org.dubgate.web.media;
