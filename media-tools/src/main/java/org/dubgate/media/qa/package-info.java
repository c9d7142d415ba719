/**
 * Automatic QA figures for one synthesized line, for the server's CHECK stage after each language's
 * mix: the signal itself ({@link org.dubgate.media.qa.LineAudit}: length, levels, clipping, silence,
 * dropouts) and, for English, whether the audio says the script
 * ({@link org.dubgate.media.qa.ScriptConformance}: pocketsphinx constrained to the line's words).
 * This package measures only: the thresholds that turn figures into a verdict belong to the server,
 * so a delivery profile can change them without touching media code.
 */
package org.dubgate.media.qa;
