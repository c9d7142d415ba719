package org.dubgate.media.script;

/**
 * How big a script may be: cues per script and characters (Unicode code points) of text per cue.
 * A script beyond {@code maxCues} is refused as a whole, as soon as the parser counts one cue too
 * many; a cue whose text is longer than {@code maxCueChars} is one problem, named by its cue.
 *
 * <p>The defaults leave a wide margin over real scripts: a two-hour feature has about 1,500 to 2,500
 * dialogue cues per language, and a cue is one take of one character, rarely over 250 characters
 * (15 s of speech at the 15 to 17 characters a second dubbing and subtitling guides assume); 1,000
 * characters is a minute of uninterrupted speech, which time-fitting could not place in one cue anyway.
 */
public record ScriptLimits(int maxCues, int maxCueChars) {

    public static final ScriptLimits DEFAULT = new ScriptLimits(10_000, 1_000);

    public ScriptLimits {
        if (maxCues < 1 || maxCueChars < 1) {
            throw new IllegalArgumentException("script limits must be positive: " + maxCues + " cues, "
                    + maxCueChars + " characters per cue");
        }
    }
}
