package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What makes the services' and the gateway's JVMs start faster from the second start on this
 * machine: each runnable jar is extracted once (Spring Boot's {@code -Djarmode=tools extract}, so
 * that its classes are loaded by the JVM's own class loader, which the JDK's class caches need),
 * and the JDK's ahead-of-time cache of the classes it loaded and linked, and of the methods it
 * profiled ({@code -XX:AOTCache}, JDK 25+), or a class-data-sharing archive on JDK 21–24
 * ({@code -XX:+AutoCreateSharedArchive}), is written when the platform stops and used by every
 * later start. Both are kept beside the Keycloak build in {@code ~/.cache/zhaoshang-platform/},
 * under the hash of the jar and the JDK's version, so a rebuilt service or another JDK gets a new
 * one and never a stale one.
 */
final class ServiceJvmCache {

    private static final String EXTRACTED_MARKER = "zhaoshang-extracted";
    /** Written by the launcher once a JVM that was writing the cache has exited on its own. */
    private static final String CACHE_COMPLETE_MARKER = "zhaoshang-aot-complete";
    /** Entries of earlier builds of a service kept beside the current one (another checkout may run them). */
    private static final int KEPT_OLDER_BUILDS = 2;

    private final Path root;
    private final boolean aheadOfTimeCache;

    /** @param aheadOfTimeCache the JDK's AOT cache (JDK 25+), else a class-data-sharing archive */
    ServiceJvmCache(Path root, boolean aheadOfTimeCache) {
        this.root = root;
        this.aheadOfTimeCache = aheadOfTimeCache;
    }

    static ServiceJvmCache inUserCache() {
        return new ServiceJvmCache(Path.of(System.getProperty("user.home"), ".cache", "zhaoshang-platform", "jvm"),
                Runtime.version().feature() >= 25);
    }

    /** How to start one service: the jar to run and the JVM options that use or write its cache. */
    record Start(Path jar, List<String> jvmOptions, Path cacheDirectory, boolean writesCache) {

        /** After the JVM exited on its own (not killed), its cache is complete and may be used. */
        void markCompleteIfWritten() {
            Path cache = cacheDirectory.resolve("app.aot");
            if (writesCache && Files.exists(cache)) {
                try {
                    Files.writeString(cacheDirectory.resolve(CACHE_COMPLETE_MARKER), "");
                } catch (IOException e) {
                    // the next start writes it again
                }
            }
        }
    }

    /**
     * Extracts the jar on its first use (a few seconds), and says how to start it. Never fails the
     * launch: if anything goes wrong here, the plain jar is started as before.
     */
    Start prepare(String module, Path jar) {
        try {
            Path directory = root.resolve(module + "-" + fingerprint(jar));
            Path extracted = directory.resolve("app").resolve(jar.getFileName().toString());
            if (!Files.exists(directory.resolve(EXTRACTED_MARKER))) {
                extract(jar, directory);
                pruneOlderBuilds(module, directory);
            }
            if (aheadOfTimeCache) {
                Path cache = directory.resolve("app.aot");
                if (Files.exists(directory.resolve(CACHE_COMPLETE_MARKER)) && Files.exists(cache)) {
                    return new Start(extracted, List.of("-XX:AOTCache=" + cache), directory, false);
                }
                Files.deleteIfExists(cache);
                return new Start(extracted, List.of("-XX:AOTCacheOutput=" + cache), directory, true);
            }
            // JDK 21-24: the archive is checked at start and (re)written at exit when missing or stale
            return new Start(extracted, List.of("-XX:+AutoCreateSharedArchive",
                    "-XX:SharedArchiveFile=" + directory.resolve("app.jsa")), directory, false);
        } catch (IOException | RuntimeException e) {
            System.out.println("      (no start-up cache for " + module + ": " + e.getMessage() + "; starting its jar as it is)");
            return new Start(jar, List.of(), root, false);
        }
    }

    private static void extract(Path jar, Path directory) throws IOException {
        Files.createDirectories(directory.getParent());
        Path work = Files.createTempDirectory(directory.getParent(), directory.getFileName() + "-extracting-");
        try {
            Path log = work.resolve("extract.log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", work.resolve("app").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("extracting " + jar.getFileName() + " failed: " + Files.readString(log).strip());
            }
            Files.writeString(work.resolve(EXTRACTED_MARKER), jar + "\n");
            try {
                Files.move(work, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException extractedMeanwhile) {
                // another launcher extracted the same jar at the same time: use theirs
                if (!Files.exists(directory.resolve(EXTRACTED_MARKER))) {
                    throw extractedMeanwhile;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar.getFileName());
        } finally {
            deleteTree(work);
        }
    }

    /** Every rebuild of a service gets its own entry: keep the last few, not all of them. */
    private void pruneOlderBuilds(String module, Path current) throws IOException {
        List<Path> older;
        try (Stream<Path> entries = Files.list(root)) {
            older = entries.filter(entry -> !entry.equals(current))
                    .filter(entry -> entry.getFileName().toString().matches(java.util.regex.Pattern.quote(module) + "-[0-9a-f]{16}"))
                    .sorted(Comparator.comparing(ServiceJvmCache::lastModified).reversed())
                    .toList();
        }
        for (Path entry : older.subList(Math.min(older.size(), KEPT_OLDER_BUILDS), older.size())) {
            deleteTree(entry);
        }
    }

    private static java.nio.file.attribute.FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /**
     * The jar's content and the JDK that runs it: a cache is only valid for both. The content is
     * each entry's name, CRC and size, not the jar's bytes: every build rewrites the jar with new
     * entry times (the launcher rebuilds on each start), and that must not throw the cache away.
     */
    private static String fingerprint(Path jar) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                zip.stream().forEach(entry -> digest.update((entry.getName() + "\u0000" + entry.getCrc() + "\u0000"
                        + entry.getSize() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            digest.update((System.getProperty("java.home") + " " + Runtime.version()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
