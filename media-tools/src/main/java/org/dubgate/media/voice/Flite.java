package org.dubgate.media.voice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CMU Flite: English only, the most intelligible engine available here. Text is written to a file
 * the engine reads ({@code -f}); rate is Flite's {@code duration_stretch}. Flite has no relative
 * pitch control, so a pitch other than 100 % is refused rather than approximated. Its files: the
 * {@code flite} binary and its {@code libflite*.so.*} libraries, into which its voices are compiled;
 * it reads no data folder, and a voice name it was not built with (which Flite would try to load
 * from a file or URL) is refused.
 */
public final class Flite extends ProcessEngine {

    static final String DEFAULT_VOICE = "slt";
    private static final EngineFiles.Kind KIND = new EngineFiles.Kind("flite", "flite",
            Pattern.compile("libflite.*\\.so(\\..+)?"), Optional.empty(), Optional.empty());

    private volatile List<String> voices;

    /** The installed flite, as found on the PATH at its first use. */
    public Flite() {
        super(null);
    }

    private Flite(EngineFiles files) {
        super(files);
    }

    @Override
    public String name() {
        return "flite";
    }

    @Override
    EngineFiles.Kind kind() {
        return KIND;
    }

    @Override
    ProcessEngine pinnedTo(EngineFiles files) {
        return new Flite(files);
    }

    @Override
    boolean identifies(String versionAnswer) {
        return versionAnswer.contains("version: flite-");
    }

    @Override
    Optional<Path> dataNamedIn(String versionAnswer) {
        return Optional.empty();
    }

    @Override
    public String version() throws EngineException {
        return versionAnswer().replaceAll("(?s).*version:\\s*(\\S+).*", "$1").strip();
    }

    @Override
    public Optional<String> voiceFor(String languageTag) {
        return languageTag.toLowerCase(Locale.ROOT).split("-")[0].equals("en") ? Optional.of(DEFAULT_VOICE) : Optional.empty();
    }

    @Override
    public Speech synthesize(String text, String languageTag, VoiceSettings settings, Path wav, Duration timeout)
            throws EngineException {
        if (voiceFor(languageTag).isEmpty()) {
            throw new EngineException("flite speaks English only, not " + languageTag);
        }
        if (settings.pitchPercent() != 100) {
            throw new EngineException("flite has no relative pitch control; use pitch 100 % with flite");
        }
        String voice = settings.voice().orElse(DEFAULT_VOICE);
        if (!builtInVoices().contains(voice)) {
            throw new EngineException("flite has no built-in voice " + voice + " (it has " + builtInVoices() + ")");
        }
        Path textFile = wav.resolveSibling(wav.getFileName() + ".txt");
        try {
            Files.writeString(textFile, text, StandardCharsets.UTF_8);
            String stretch = String.format(Locale.ROOT, "%.3f", 100.0 / settings.ratePercent());
            runWritingFile(List.of("-voice", voice, "--setf", "duration_stretch=" + stretch,
                    "-f", textFile.toString(), "-o", wav.toString()), null, timeout, wav);
            return WavFiles.describe(wav);
        } catch (IOException e) {
            throw new EngineException("cannot write the text for flite: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(textFile);
            } catch (IOException ignored) {
                // a leftover text file in the work folder harms nothing
            }
        }
    }

    /** The voices compiled into this flite ({@code -lv}: "Voices available: kal awb_time … slt"). */
    private List<String> builtInVoices() throws EngineException {
        List<String> v = voices;
        if (v == null) {
            v = List.of(query("-lv").replaceFirst("(?s).*Voices available:", "").strip().split("\\s+"));
            voices = v;
        }
        return v;
    }
}
