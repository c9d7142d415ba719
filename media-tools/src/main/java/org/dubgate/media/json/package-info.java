/**
 * JSON through Jakarta JSON-P (Eclipse Parsson), media-tools' one JSON library: reading documents
 * (JSON scripts, dub plans) with errors that name the line and column, and the conventions of the JSON
 * it writes (CLI output, probe records).
 */
package org.dubgate.media.json;
