/** A dependency-free JSON writer and reader: the CLI output, probe records, canonical forms and JSON scripts. */
package org.dubgate.media.json;
