/**
 * Media operations for dubgate built on FFmpeg through JavaCV. Deliberately free of Jakarta EE so it
 * can be used, tested and run from its own CLI without an application server.
 */
package org.dubgate.media;
