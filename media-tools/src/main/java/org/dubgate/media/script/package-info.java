/**
 * Dubbing scripts: timed cues (id, start, end, character, text) imported from SRT, WebVTT,
 * TTML/IMSC 1 or a JSON form. Every problem is reported at once with its line or XML element; XML is
 * parsed with DTDs and external entities disabled.
 */
package org.dubgate.media.script;
