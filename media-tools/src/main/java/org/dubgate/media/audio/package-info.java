/** Small measurements on PCM audio that need no decoder (engine output is plain WAV). */
package org.dubgate.media.audio;
