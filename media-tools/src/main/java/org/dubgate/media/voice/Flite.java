package org.dubgate.media.voice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CMU Flite: English only, the most intelligible engine available here. Text is written to a file
 * the engine reads ({@code -f}); rate is Flite's {@code duration_stretch}. Flite has no relative
 * pitch control, so a pitch other than 100 % is refused rather than approximated.
 */
public final class Flite implements VoiceEngine {

    static final String DEFAULT_VOICE = "slt";
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "flite";
    }

    @Override
    public String version() throws EngineException {
        String out = EngineProcess.run(List.of(Executables.require("flite").toString(), "--version"), null,
                QUERY_TIMEOUT).stdout();
        return out.replaceAll("(?s).*version:\\s*(\\S+).*", "$1").strip();
    }

    @Override
    public List<Path> artifacts() throws EngineException {
        Path binary = Executables.require("flite");
        List<Path> artifacts = new ArrayList<>(List.of(binary));
        // the voices are compiled into libflite_cmu_*.so in the system library folder
        for (Path dir : List.of(Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/usr/lib"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> libs = Files.list(dir)) {
                    libs.filter(p -> p.getFileName().toString().matches("libflite.*\\.so\\.\\d+\\.\\d+.*")
                            && Files.isRegularFile(p)).sorted().forEach(artifacts::add);
                } catch (IOException e) {
                    throw new EngineException("cannot list " + dir + ": " + e.getMessage(), e);
                }
            }
        }
        return artifacts;
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
        Path textFile = wav.resolveSibling(wav.getFileName() + ".txt");
        try {
            Files.writeString(textFile, text, StandardCharsets.UTF_8);
            String stretch = String.format(Locale.ROOT, "%.3f", 100.0 / settings.ratePercent());
            EngineProcess.Result r = EngineProcess.run(List.of(Executables.require("flite").toString(),
                    "-voice", settings.voice().orElse(DEFAULT_VOICE), "--setf", "duration_stretch=" + stretch,
                    "-f", textFile.toString(), "-o", wav.toString()), null, timeout);
            if (r.exitCode() != 0 || !Files.isRegularFile(wav)) {
                throw new EngineException("flite failed (exit " + r.exitCode() + "): " + r.stderr().strip());
            }
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
}
