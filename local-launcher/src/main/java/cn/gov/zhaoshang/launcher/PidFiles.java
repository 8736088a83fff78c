package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pid files of the processes a launcher started from one folder ({@code .run-local/run/}):
 * written when each starts, removed when it is stopped, so that what a launcher killed with
 * {@code kill -9} left running is found by the next one ({@link StaleServers}).
 */
final class PidFiles {

    static final String LAUNCHER = "launcher";

    private final Path folder;

    PidFiles(Path home) {
        this.folder = home.resolve("run");
    }

    /** Remembers {@code process} under {@code key} (a file name), recognised later by {@code markers}. */
    void record(String key, String name, ProcessHandle process, List<String> markers) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(key + ".pid");
            Path written = folder.resolve(key + ".pid.new");
            Files.writeString(written, OwnProcess.of(name, process, markers).toFileText());
            Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Remembers the child of this JVM whose command line contains every marker (a process started
     * by a helper that does not hand out its pid).
     *
     * @return whether such a child was found
     */
    boolean recordChild(String key, String name, List<String> markers) {
        Optional<ProcessHandle> child = ProcessHandle.current().children()
                .filter(process -> OwnProcess.Observed.of(process).commandLine()
                        .filter(line -> markers.stream().allMatch(line::contains)).isPresent())
                .findFirst();
        child.ifPresent(process -> record(key, name, process, markers));
        return child.isPresent();
    }

    void forget(String key) {
        try {
            Files.deleteIfExists(folder.resolve(key + ".pid"));
        } catch (IOException e) {
            // a stale file is checked against the running process before anything is done with it
        }
    }

    /** @return the file's process, whether or not it still runs; empty if there is no readable file */
    Optional<OwnProcess> read(String key) {
        Path file = folder.resolve(key + ".pid");
        try {
            return Files.exists(file) ? OwnProcess.fromFileText(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The keys of every pid file but the launcher's own. */
    List<String> keys() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pid"))
                    .map(name -> name.substring(0, name.length() - ".pid".length()))
                    .filter(key -> !key.equals(LAUNCHER)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
