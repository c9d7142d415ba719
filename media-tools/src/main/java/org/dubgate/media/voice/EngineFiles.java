package org.dubgate.media.voice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The exact files an engine runs from: its binary, the shared libraries of the engine's own package
 * that the binary loads, and the voice-data folder it reads, if it reads one. This is what the model
 * registry hashes (R5), and all that the engine is run from: the binary by its absolute path (no
 * PATH lookup), its libraries preloaded by their absolute paths ({@code LD_PRELOAD}, so no library
 * search path can put another copy in their place), its data folder named to it by environment.
 * Libraries of other packages (libc, audio output) are the platform, not the engine, and not pinned.
 *
 * @param binary    the engine's executable, as a real path
 * @param libraries the engine's own shared libraries, real paths, sorted
 * @param data      the voice-data folder, as a real path
 */
record EngineFiles(Path binary, List<Path> libraries, Optional<Path> data) {

    private static final Duration TRACE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What one engine's files look like: the executable's name on the PATH, the names of its own
     * libraries, and the name of its data folder with the variable that points the engine at it
     * (set to the folder's parent), if the engine reads one.
     */
    record Kind(String engine, String binaryName, Pattern library, Optional<String> dataFolder,
                Optional<String> dataVariable) {
    }

    EngineFiles {
        libraries = List.copyOf(libraries);
    }

    /** Binary, libraries, data folder: the order in which the registry lists and hashes them. */
    List<Path> all() {
        List<Path> all = new ArrayList<>();
        all.add(binary);
        all.addAll(libraries);
        data.ifPresent(all::add);
        return all;
    }

    /**
     * The environment changes the engine runs with: exactly its libraries preloaded, its data folder
     * named (or an inherited setting removed), and no inherited audit library — so nothing but these
     * files is the engine. A {@code null} value removes the variable.
     */
    Map<String, String> environment(Kind kind) {
        Map<String, String> env = new HashMap<>();
        env.put("LD_PRELOAD", libraries.isEmpty() ? null
                : libraries.stream().map(Path::toString).collect(Collectors.joining(":")));
        env.put("LD_AUDIT", null);
        kind.dataVariable().ifPresent(v -> env.put(v, data.map(d -> d.getParent().toString()).orElse(null)));
        return env;
    }

    /** The installed engine's binary (on the PATH) and the engine libraries it loads there; data comes from the engine. */
    static EngineFiles installed(Kind kind) throws EngineException {
        Path binary = Executables.require(kind.binaryName());
        EngineFiles bare = new EngineFiles(binary, List.of(), Optional.empty());
        return new EngineFiles(binary, bare.loadedLibraries(kind), Optional.empty());
    }

    /**
     * Sorts the named paths into binary, libraries and data folder by what they are. Anything that is
     * none of these is reported, with a missing binary, in {@code problems}; the result is empty
     * when there is no binary to go on.
     */
    static Optional<EngineFiles> classify(Kind kind, List<Path> named, List<String> problems) {
        Path binary = null;
        Path data = null;
        TreeSet<Path> libraries = new TreeSet<>();
        for (Path p : named) {
            Path real;
            try {
                real = p.toRealPath();
            } catch (IOException e) {
                problems.add("nothing at " + p);
                continue;
            }
            String name = real.getFileName().toString();
            if (Files.isDirectory(real)) {
                if (data == null && kind.dataFolder().filter(name::equals).isPresent()) {
                    data = real;
                } else {
                    problems.add(p + " is a folder " + kind.engine() + " does not read");
                }
            } else if (kind.library().matcher(name).matches()) {
                libraries.add(real);
            } else if (binary == null && Files.isRegularFile(real) && Files.isExecutable(real)) {
                binary = real;
            } else {
                problems.add(p + " is not a file " + kind.engine() + " executes or reads");
            }
        }
        if (binary == null) {
            problems.add("it names no " + kind.engine() + " executable");
            return Optional.empty();
        }
        return Optional.of(new EngineFiles(binary, List.copyOf(libraries), Optional.ofNullable(data)));
    }

    /**
     * The engine libraries the dynamic loader maps when this binary starts with this environment, as
     * real paths: the loader's own account ({@code LD_TRACE_LOADED_OBJECTS}, what {@code ldd} shows),
     * which lists the preloaded ones first and the rest as the search path resolves them. (A statically
     * linked binary ignores the request and runs without arguments, loading none: every named library
     * then shows as not loaded.)
     */
    List<Path> loadedLibraries(Kind kind) throws EngineException {
        Map<String, String> env = environment(kind);
        env.put("LD_TRACE_LOADED_OBJECTS", "1");
        EngineProcess.Result r = EngineProcess.run(List.of(binary.toString()), env, null, TRACE_TIMEOUT);
        TreeSet<Path> loaded = new TreeSet<>();
        for (String line : r.stdout().split("\n")) {
            String entry = line.strip().replaceAll("\\s*\\(0x[0-9a-f]+\\)$", "");
            String[] arrow = entry.split("\\s*=>\\s*", 2);
            String soname = arrow[0];
            String file = arrow.length == 2 ? arrow[1] : arrow[0];
            if (file.equals("not found") && kind.library().matcher(soname).matches()) {
                throw new EngineException(kind.engine() + " at " + binary + " cannot load " + soname);
            }
            if (!file.startsWith("/")) {
                continue;
            }
            try {
                Path real = Path.of(file).toRealPath();
                if (kind.library().matcher(real.getFileName().toString()).matches()) {
                    loaded.add(real);
                }
            } catch (IOException e) {
                throw new EngineException("cannot resolve " + file + ", loaded by " + binary + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(loaded);
    }

    /** What the engine actually runs from, compared with these named files: one sentence per difference. */
    List<String> differencesFrom(List<Path> loadedLibraries, Optional<Path> readsData, Kind kind) {
        List<String> differences = new ArrayList<>();
        String runs = kind.engine() + " run from " + binary;
        loadedLibraries.stream().filter(l -> !libraries.contains(l))
                .forEach(l -> differences.add(runs + " loads " + l + ", which is not named"));
        libraries.stream().filter(l -> !loadedLibraries.contains(l))
                .forEach(l -> differences.add(l + " is named but " + runs + " does not load it"));
        if (readsData.isPresent() && !readsData.equals(data)) {
            differences.add(runs + " reads its voice data at " + readsData.get() + ", which is not named");
        }
        if (data.isPresent() && !data.equals(readsData)) {
            differences.add(data.get() + " is named but " + runs + " does not read it");
        }
        return differences;
    }
}
