/** The {@code media-tools} command line: thin wrappers that print results as JSON. */
package org.dubgate.media.cli;
