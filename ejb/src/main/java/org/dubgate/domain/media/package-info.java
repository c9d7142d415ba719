/** Uploaded source media: content-addressed bytes, probed off the request thread into READY or REJECTED. */
package org.dubgate.domain.media;
