/**
 * Probing: what a media file contains (container, duration, streams) as immutable records, and the
 * integrity checks that tell a truncated or non-media upload from a usable one.
 */
package org.dubgate.media.probe;
