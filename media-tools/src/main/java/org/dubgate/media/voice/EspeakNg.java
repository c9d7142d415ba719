package org.dubgate.media.voice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * eSpeak NG: formant synthesis in about 130 languages, the only engine here for es, fr, de, pt, it….
 * Text goes in on stdin ({@code --stdin}), never on the command line.
 */
public final class EspeakNg implements VoiceEngine {

    static final int DEFAULT_PITCH = 50;
    static final int DEFAULT_WPM = 175;
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern DATA_PATH = Pattern.compile("Data at:\\s*(\\S+)");

    private volatile Set<String> languages;

    @Override
    public String name() {
        return "espeak-ng";
    }

    @Override
    public String version() throws EngineException {
        String out = query("--version");
        return out.replaceAll("(?s).*text-to-speech:\\s*(\\S+).*", "$1").strip();
    }

    @Override
    public List<Path> artifacts() throws EngineException {
        List<Path> artifacts = new ArrayList<>();
        artifacts.add(Executables.require("espeak-ng"));
        Matcher data = DATA_PATH.matcher(query("--version"));
        if (data.find()) {
            Path dataDir = Path.of(data.group(1));
            artifacts.add(dataDir);
            // the synthesizer itself lives in libespeak-ng beside the data folder
            try (Stream<Path> libs = Files.list(dataDir.getParent())) {
                libs.filter(p -> p.getFileName().toString().startsWith("libespeak-ng.so") && Files.isRegularFile(p))
                        .sorted().findFirst().ifPresent(artifacts::add);
            } catch (IOException e) {
                throw new EngineException("cannot list " + dataDir.getParent() + ": " + e.getMessage(), e);
            }
        }
        return artifacts;
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
        int pitch = Math.max(0, Math.min(99, DEFAULT_PITCH * settings.pitchPercent() / 100));
        int wpm = Math.max(80, Math.min(450, DEFAULT_WPM * settings.ratePercent() / 100));
        EngineProcess.Result r = EngineProcess.run(List.of(Executables.require("espeak-ng").toString(),
                "-v", voice, "-p", String.valueOf(pitch), "-s", String.valueOf(wpm), "-w", wav.toString(), "--stdin"),
                text, timeout);
        if (r.exitCode() != 0 || !Files.isRegularFile(wav)) {
            throw new EngineException("espeak-ng failed (exit " + r.exitCode() + "): " + r.stderr().strip());
        }
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

    private static String query(String option) throws EngineException {
        EngineProcess.Result r = EngineProcess.run(List.of(Executables.require("espeak-ng").toString(), option), null,
                QUERY_TIMEOUT);
        if (r.exitCode() != 0) {
            throw new EngineException("espeak-ng " + option + " failed: " + r.stderr().strip());
        }
        return r.stdout();
    }
}
