/**
 * Model artifacts on disk (a file, or a folder of voice data): their full SHA-256, read afresh at every
 * check, and a cheap fingerprint (a stat per file) that shows a change between two full checks.
 */
package org.dubgate.infrastructure.artifact;
