package org.dubgate.media.voice;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * eSpeak NG: formant synthesis in about 130 languages, the only engine here for es, fr, de, pt, it….
 * Text goes in on stdin ({@code --stdin}), never on the command line. Its files: the
 * {@code espeak-ng} binary, the synthesizer in {@code libespeak-ng.so.*} and the {@code espeak-ng-data}
 * folder, which it is pointed at by {@code ESPEAK_DATA_PATH} (the folder's parent) — the way it also
 * honours when it reports where its data is, so that report is the engine's own word on what it reads.
 */
public final class EspeakNg extends ProcessEngine {

    static final int DEFAULT_PITCH = 50;
    static final int DEFAULT_WPM = 175;
    private static final Pattern DATA_PATH = Pattern.compile("Data at:\\s*(\\S+)");
    private static final EngineFiles.Kind KIND = new EngineFiles.Kind("espeak-ng", "espeak-ng",
            Pattern.compile("libespeak-ng\\.so(\\..+)?"), Optional.of("espeak-ng-data"), Optional.of("ESPEAK_DATA_PATH"));

    private volatile Set<String> languages;

    /** The installed espeak-ng, as found on the PATH at its first use. */
    public EspeakNg() {
        super(null);
    }

    private EspeakNg(EngineFiles files) {
        super(files);
    }

    @Override
    public String name() {
        return "espeak-ng";
    }

    @Override
    EngineFiles.Kind kind() {
        return KIND;
    }

    @Override
    ProcessEngine pinnedTo(EngineFiles files) {
        return new EspeakNg(files);
    }

    @Override
    boolean identifies(String versionAnswer) {
        return versionAnswer.startsWith("eSpeak NG text-to-speech:");
    }

    @Override
    Optional<Path> dataNamedIn(String versionAnswer) {
        Matcher data = DATA_PATH.matcher(versionAnswer);
        if (!data.find()) {
            return Optional.empty();
        }
        Path path = Path.of(data.group(1));
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.of(path.toAbsolutePath().normalize()); // reported but absent: a difference all the same
        }
    }

    @Override
    public String version() throws EngineException {
        return versionAnswer().replaceAll("(?s).*text-to-speech:\\s*(\\S+).*", "$1").strip();
    }

    @Override
    public Optional<String> voiceFor(String languageTag) throws EngineException {
        String tag = languageTag.toLowerCase(Locale.ROOT);
        String primary = tag.split("-")[0];
        Set<String> known = languages();
        if (known.contains(tag)) {
            return Optional.of(tag);
        }
        if (known.contains(primary)) {
            return Optional.of(primary);
        }
        return known.stream().filter(l -> l.startsWith(primary + "-")).findFirst();
    }

    @Override
    public Speech synthesize(String text, String languageTag, VoiceSettings settings, Path wav, Duration timeout)
            throws EngineException {
        String voice = settings.voice().orElse(voiceFor(languageTag).orElseThrow(() ->
                new EngineException("espeak-ng does not speak " + languageTag)));
        if (voice.toLowerCase(Locale.ROOT).startsWith("mb-")) {
            // MBROLA voices are spoken by the separate mbrola program, which is no part of this artifact
            throw new EngineException("espeak-ng MBROLA voice " + voice
                    + " runs a synthesizer outside the registered artifact");
        }
        int pitch = Math.max(0, Math.min(99, DEFAULT_PITCH * settings.pitchPercent() / 100));
        int wpm = Math.max(80, Math.min(450, DEFAULT_WPM * settings.ratePercent() / 100));
        runWritingFile(List.of("-v", voice, "-p", String.valueOf(pitch), "-s", String.valueOf(wpm),
                "-w", wav.toString(), "--stdin"), text, timeout, wav);
        return WavFiles.describe(wav);
    }

    private Set<String> languages() throws EngineException {
        Set<String> l = languages;
        if (l == null) {
            l = new LinkedHashSet<>();
            for (String line : query("--voices").split("\n")) {
                String[] cols = line.strip().split("\\s+");
                if (cols.length > 1 && !cols[0].equals("Pty")) {
                    l.add(cols[1].toLowerCase(Locale.ROOT));
                }
            }
            languages = l;
        }
        return l;
    }
}
