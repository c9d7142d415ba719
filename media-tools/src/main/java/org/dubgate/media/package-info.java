/**
 * Media operations for dubgate built on FFmpeg through JavaCV. Deliberately free of any container
 * dependency so it can be used, tested and run from its own CLI without an application server; its JSON
 * is Jakarta JSON-P with Eclipse Parsson, used as plain libraries.
 */
package org.dubgate.media;
