/**
 * Time-fit: deciding where a synthesized line goes and how much it may be sped up (DESIGN.md § Media):
 * borrow the silence before the character's next cue first, then a pitch-preserving tempo change up
 * to a limit (1.25x by default), and beyond that flag OVERFLOW rather than squeeze further.
 */
package org.dubgate.media.timing;
