/**
 * Voices: a performer's voice on a registered voice model (engine voice, pitch, rate chosen to
 * resemble them; not a clone), or a stock voice with no performer, which needs a written approval (R4).
 */
package org.dubgate.domain.voice;
