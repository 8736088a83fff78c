package cn.gov.zhaoshang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up cache with the real gateway jar the build made: extracted once, its JDK cache written by
 * a real JVM that stops on its own, then used by the next one.
 */
class ServiceJvmCacheIT {

    @TempDir
    Path root;

    final Path gatewayJar = LauncherSettings.load().jar("gateway");

    @Test
    void theFirstStartRunsTheExtractedJarAndWritesTheCacheThatLaterStartsUse() throws Exception {
        ServiceJvmCache cache = new ServiceJvmCache(root, true);

        ServiceJvmCache.Start first = cache.prepare("gateway", gatewayJar);

        assertThat(first.jar()).isRegularFile().startsWith(root).hasFileName(gatewayJar.getFileName().toString());
        assertThat(first.jar().resolveSibling("lib")).isDirectory();
        Path aot = first.cacheDirectory().resolve("app.aot");
        assertThat(first.jvmOptions()).containsExactly("-XX:AOTCacheOutput=" + aot);
        assertThat(first.writesCache()).isTrue();

        // the gateway's JVM runs with those options, builds its context and stops on its own
        Run training = runGateway(first, List.of());
        assertThat(training.exitCode()).as(training.output()).isZero();
        assertThat(training.output()).contains("AOTCache creation is complete");
        assertThat(Files.size(aot)).as("the JDK's AOT cache").isGreaterThan(1_000_000);
        first.markCompleteIfWritten();
        ServiceJvmCache.Start second = cache.prepare("gateway", gatewayJar);

        assertThat(second.jar()).isEqualTo(first.jar());
        assertThat(second.jvmOptions()).containsExactly("-XX:AOTCache=" + aot);
        assertThat(second.writesCache()).isFalse();
        // AOTMode=on makes the JVM refuse to start unless it can use this very cache
        Run using = runGateway(second, List.of("-XX:AOTMode=on", "-Xlog:aot=info"));
        assertThat(using.exitCode()).as(using.output()).isZero();
        assertThat(using.output()).contains("Opened AOT cache " + aot);
    }

    /** The output and exit code of one gateway JVM started as the launcher starts it, stopped after its context refresh. */
    private record Run(int exitCode, String output) {
    }

    private Run runGateway(ServiceJvmCache.Start start, List<String> extraJvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC"));
        command.addAll(start.jvmOptions());
        command.addAll(extraJvmOptions);
        // Spring's training-run switch: build and refresh the context, then exit the JVM normally
        command.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", start.jar().toString(), "--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/zhaoshang",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/realms/zhaoshang/certs"));
        for (String service : List.of("project", "enterprise", "targets", "reporting")) {
            command.add("--zhaoshang.gateway.services." + service + "=http://127.0.0.1:9");
        }
        Path log = Files.createTempFile(root, "gateway-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                throw new AssertionError("the gateway's JVM did not stop on its own: " + Files.readString(log));
            }
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    @Test
    void aRebuiltJarWithTheSameContentKeepsItsCache() throws IOException {
        ServiceJvmCache cache = new ServiceJvmCache(root, true);
        ServiceJvmCache.Start first = cache.prepare("gateway", gatewayJar);
        // what a rebuild does: the same entries, written again at another time
        Path rebuilt = root.resolve("rebuilt").resolve(gatewayJar.getFileName().toString());
        Files.createDirectories(rebuilt.getParent());
        try (java.util.zip.ZipFile original = new java.util.zip.ZipFile(gatewayJar.toFile());
                java.util.zip.ZipOutputStream copy = new java.util.zip.ZipOutputStream(Files.newOutputStream(rebuilt))) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(original.entries())) {
                java.util.zip.ZipEntry again = new java.util.zip.ZipEntry(entry.getName());
                again.setTime(System.currentTimeMillis());
                if (entry.getMethod() == java.util.zip.ZipEntry.STORED) {
                    again.setMethod(java.util.zip.ZipEntry.STORED);
                    again.setSize(entry.getSize());
                    again.setCompressedSize(entry.getSize());
                    again.setCrc(entry.getCrc());
                }
                copy.putNextEntry(again);
                try (java.io.InputStream in = original.getInputStream(entry)) {
                    in.transferTo(copy);
                }
                copy.closeEntry();
            }
        }

        assertThat(cache.prepare("gateway", rebuilt).cacheDirectory()).isEqualTo(first.cacheDirectory());
    }

    @Test
    void aCacheWhoseJvmWasKilledWhileWritingItIsWrittenAgain() throws IOException {
        ServiceJvmCache cache = new ServiceJvmCache(root, true);
        ServiceJvmCache.Start first = cache.prepare("gateway", gatewayJar);
        Files.writeString(first.cacheDirectory().resolve("app.aot"), "half written");

        ServiceJvmCache.Start second = cache.prepare("gateway", gatewayJar);

        assertThat(second.writesCache()).isTrue();
        assertThat(second.cacheDirectory().resolve("app.aot")).doesNotExist();
    }

    @Test
    void olderJdksGetAClassDataSharingArchiveThatTheJvmKeepsUpToDate() {
        ServiceJvmCache.Start start = new ServiceJvmCache(root, false).prepare("gateway", gatewayJar);

        assertThat(start.jvmOptions()).containsExactly("-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + start.cacheDirectory().resolve("app.jsa"));
    }

    @Test
    void onlyTheLastTwoEarlierBuildsOfAServiceAreKept() throws IOException {
        for (int n = 1; n <= 4; n++) {
            Path older = Files.createDirectories(root.resolve("gateway-000000000000000" + n));
            Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-11-0" + n + "T00:00:00Z")));
        }
        Path otherService = Files.createDirectories(root.resolve("reporting-service-0000000000000001"));

        ServiceJvmCache.Start start = new ServiceJvmCache(root, true).prepare("gateway", gatewayJar);

        assertThat(root.resolve("gateway-0000000000000004")).isDirectory();
        assertThat(root.resolve("gateway-0000000000000003")).isDirectory();
        assertThat(root.resolve("gateway-0000000000000002")).doesNotExist();
        assertThat(root.resolve("gateway-0000000000000001")).doesNotExist();
        assertThat(otherService).isDirectory();
        assertThat(start.cacheDirectory()).isDirectory();
    }

    @Test
    void aJarThatCannotBeExtractedIsStartedAsItIs() throws IOException {
        Path notAJar = Files.writeString(root.resolve("broken.jar"), "not a jar");

        ServiceJvmCache.Start start = new ServiceJvmCache(root.resolve("cache"), true).prepare("broken", notAJar);

        assertThat(start.jar()).isEqualTo(notAJar);
        assertThat(start.jvmOptions()).isEmpty();
        assertThat(start.writesCache()).isFalse();
    }
}
