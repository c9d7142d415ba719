/** A dependency-free JSON writer shared by the CLI, the probe records and canonical forms elsewhere. */
package org.dubgate.media.json;
