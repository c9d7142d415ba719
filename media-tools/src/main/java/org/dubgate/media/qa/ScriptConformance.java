package org.dubgate.media.qa;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Does an English line say its script? Runs Debian's {@code pocketsphinx_continuous} (0.8+5prealpha,
 * packages {@code pocketsphinx} and {@code pocketsphinx-en-us}) on the line, constrained by a JSGF
 * grammar that is a loop over the script's words: any sequence of them, any number of times. A line
 * that says its script is heard as it (word error rate 0–0.25 on clean flite lines); a line that says
 * something else comes out as the script's words in the wrong order and number, which the alignment
 * counts (0.9 and more). A grammar of exactly the script sentence would "recognize" the script in any
 * audio; adding common English words to the loop, tried first, made the synthetic voices' clean lines
 * score 0.3–0.9 (flite's "I" heard as "by", "and" as "end"), flagging half of them.
 */
public final class ScriptConformance {

    /** Where Debian's pocketsphinx-en-us puts the US English model. */
    public static final Path DEBIAN_MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");
    static final String BINARY = "pocketsphinx_continuous";
    /**
     * Word insertion penalty. The default (0.65) let the loop grammar fill flite's trailing breath
     * with short words ("a", "and", "did"); 1e-3 removed those on the test lines without costing
     * correct words, while 1e-5 began dropping them.
     */
    static final String WORD_INSERTION_PENALTY = "1e-3";
    private static final Pattern ALTERNATE = Pattern.compile("\\(\\d+\\)");

    private final Optional<Path> binary;
    private final Path acousticModel;
    private final Path dictionary;
    /** The dictionary's entries by word (alternates too), read once per instance: one CHECK reads it once, not per line. */
    private java.util.Map<String, List<String>> entries;

    /** The installed recognizer: {@value #BINARY} from the PATH and Debian's US English model. */
    public ScriptConformance() {
        this(Optional.empty(), DEBIAN_MODEL.resolve("en-us"), DEBIAN_MODEL.resolve("cmudict-en-us.dict"));
    }

    /**
     * @param binary the {@value #BINARY} executable
     * @param acousticModel the acoustic model folder (with {@code mdef}, {@code means} …)
     * @param dictionary a CMU-format pronunciation dictionary
     */
    public ScriptConformance(Path binary, Path acousticModel, Path dictionary) {
        this(Optional.of(binary), acousticModel, dictionary);
    }

    private ScriptConformance(Optional<Path> binary, Path acousticModel, Path dictionary) {
        this.binary = binary;
        this.acousticModel = acousticModel;
        this.dictionary = dictionary;
    }

    /**
     * Recognizes the line and scores it against its script.
     *
     * @param timeout how long the recognizer process may run before it is killed (the conversion to
     *        16 kHz before it runs in this process and is not counted)
     */
    public ConformanceFigures check(Path audio, String script, Duration timeout) throws QaException {
        return check(audio, script, timeout, null);
    }

    /**
     * The same, with the recognizer's scratch files in a folder of {@code in} (a task's working
     * folder, removed with it even after a crash), or the system's temporary folder when null. A
     * script with no word in the dictionary is not recognized at all: its rate is NaN.
     */
    public ConformanceFigures check(Path audio, String script, Duration timeout, Path in) throws QaException {
        long started = System.nanoTime();
        Path executable = binary.orElseGet(() -> onPath(BINARY).orElse(null));
        if (executable == null || !Files.isExecutable(executable)) {
            throw new QaException(BINARY + " is not installed: install the Debian package pocketsphinx (bin/setup-system)");
        }
        if (!Files.isRegularFile(acousticModel.resolve("mdef")) || !Files.isRegularFile(dictionary)) {
            throw new QaException("the pocketsphinx English model is not at " + acousticModel + " and " + dictionary
                    + ": install the Debian package pocketsphinx-en-us (bin/setup-system)");
        }
        List<String> scriptWords = WordErrors.words(script);
        Set<String> known = known(new LinkedHashSet<>(scriptWords));
        List<String> unknownWords = scriptWords.stream().filter(w -> !known.contains(w)).distinct().toList();
        if (known.isEmpty()) {
            // nothing to build a grammar of (a name, a number, a cry): nothing the recognizer could check
            return new ConformanceFigures(script, "", List.of(), unknownWords, new WordErrors(0, 0, 0, 0), Double.NaN,
                    0, Duration.ofNanos(System.nanoTime() - started));
        }
        Path work;
        try {
            work = in == null ? Files.createTempDirectory("dubgate-asr-") : Files.createTempDirectory(in, "asr-");
        } catch (IOException e) {
            throw new QaException("cannot make a work folder for the recognizer: " + e.getMessage(), e);
        }
        try {
            writeDictionary(known, work.resolve("line.dict"));
            writeGrammar(known, work.resolve("line.jsgf"));
            double seconds = Speech16k.write(audio, work.resolve("line.raw"));
            String recognized = Recognizer.run(List.of(executable.toString(),
                    "-hmm", acousticModel.toString(), "-dict", work.resolve("line.dict").toString(),
                    "-jsgf", work.resolve("line.jsgf").toString(), "-infile", work.resolve("line.raw").toString(),
                    "-samprate", "16000", "-input_endian", "little", "-wip", WORD_INSERTION_PENALTY),
                    work, timeout);
            List<String> heard = WordErrors.words(ALTERNATE.matcher(recognized).replaceAll(""));
            List<String> reference = scriptWords.stream().filter(known::contains).toList();
            WordErrors errors = WordErrors.align(reference, heard);
            return new ConformanceFigures(script, String.join(" ", heard), reference, unknownWords, errors, errors.rate(),
                    seconds, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            deleteTree(work);
        }
    }

    /** The words of {@code vocabulary} the dictionary has. */
    private Set<String> known(Set<String> vocabulary) throws QaException {
        Set<String> found = new java.util.LinkedHashSet<>(vocabulary);
        found.retainAll(entries().keySet());
        return found;
    }

    private java.util.Map<String, List<String>> entries() throws QaException {
        if (entries == null) {
            java.util.Map<String, List<String>> byWord = new java.util.HashMap<>();
            try (BufferedReader in = Files.newBufferedReader(dictionary, StandardCharsets.ISO_8859_1)) {
                String line;
                while ((line = in.readLine()) != null) {
                    int space = line.indexOf(' ');
                    if (space > 0) {
                        byWord.computeIfAbsent(ALTERNATE.matcher(line.substring(0, space)).replaceAll(""),
                                w -> new java.util.ArrayList<>(1)).add(line);
                    }
                }
            } catch (IOException e) {
                throw new QaException("cannot read the pronunciation dictionary " + dictionary + ": " + e.getMessage(), e);
            }
            entries = byWord;
        }
        return entries;
    }

    /** The known words' entries (alternate pronunciations too): the line's own small dictionary. */
    private void writeDictionary(Set<String> known, Path subset) throws QaException {
        try (BufferedWriter out = Files.newBufferedWriter(subset, StandardCharsets.ISO_8859_1)) {
            for (String word : known) {
                for (String entry : entries().get(word)) {
                    out.write(entry);
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new QaException("cannot write the line's dictionary: " + e.getMessage(), e);
        }
    }

    /** {@code public <line> = <word>*;} over the known words: any sequence of them, in any order. */
    private static void writeGrammar(Set<String> words, Path file) throws QaException {
        String alternatives = new TreeSet<>(words).stream().collect(Collectors.joining(" | "));
        String grammar = "#JSGF V1.0;\ngrammar line;\npublic <line> = <word>*;\n<word> = " + alternatives + ";\n";
        try {
            Files.writeString(file, grammar, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new QaException("cannot write the recognition grammar: " + e.getMessage(), e);
        }
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover folder in the temporary directory harms nothing
        }
    }
}
