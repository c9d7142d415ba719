/**
 * Offline speech engines behind one interface. Each runs as a separate process with a bounded run
 * time, with the line's text passed on stdin or in a file the engine reads (never as a command-line
 * argument), so script text cannot inject options or commands. On these engines a performer's
 * "voice" is an engine voice plus pitch and rate chosen to resemble the performer: not a clone.
 * An engine runs from exactly the files it was pinned to ({@link org.dubgate.media.voice.VoiceEngine#runFrom}):
 * what the model registry hashed is what executes (R5).
 */
package org.dubgate.media.voice;
