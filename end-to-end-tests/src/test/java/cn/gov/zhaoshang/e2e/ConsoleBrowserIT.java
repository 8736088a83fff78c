package cn.gov.zhaoshang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web console's browser tests (console/e2e, Playwright driving Debian's chromium) against the
 * whole platform: Keycloak's real login page, the gateway serving the console, the four services
 * and the demo data. Each screen's spec signs in as a person would and checks what the page shows
 * against the API. Screenshots of every page land in console/target/screenshots.
 */
@ExtendWith(WholePlatform.Shared.class)
class ConsoleBrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path CONSOLE = Path.of(System.getProperty("e2e.console.dir", "../console"));
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static WholePlatform platform;

    @BeforeAll
    static void checkTheBrowserAndTheConsole() {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the browser tests drive Debian's chromium at %s (apt-get install chromium fonts-noto-cjk; "
                        + ".ci/run installs them), or set CHROMIUM to another Chromium", CHROMIUM)
                .isTrue();
        assertThat(CONSOLE.resolve("node_modules/@playwright/test")).as("the console module was built (npm ci) before this test").exists();
        platform = WholePlatform.Shared.platform();
    }

    @Test
    void everyScreensSpecPassesInTheBrowserAgainstThePlatform() throws Exception {
        if (Boolean.getBoolean("console.hold")) {
            holdForDevelopment();
        }
        Path output = CONSOLE.resolve("target/playwright");
        Files.createDirectories(output);
        Path report = output.resolve("report.json");
        Files.deleteIfExists(report);
        ProcessBuilder playwright = new ProcessBuilder(List.of("npx", "--no-install", "playwright", "test"))
                .directory(CONSOLE.toFile())
                .redirectErrorStream(true);
        playwright.environment().put("CONSOLE_URL", platform.consoleUrl());
        playwright.environment().put("KEYCLOAK_URL", platform.keycloak().baseUrl());
        playwright.environment().put("DEMO_PASSWORD", platform.secrets().demoPassword());
        playwright.environment().put("CHROMIUM", CHROMIUM.toString());
        playwright.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright.environment().put("CI", "1");
        Process process = playwright.start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter log = new PrintWriter(Files.newBufferedWriter(output.resolve("output.log")))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println(line);
                log.println(line);
            }
        }
        assertThat(process.waitFor(15, TimeUnit.MINUTES)).as("Playwright finished").isTrue();
        String transcript = Files.readString(output.resolve("output.log"));
        assertThat(report).as("Playwright's JSON report; its output:\n" + transcript).exists();
        JsonNode stats = JSON.readTree(Files.readString(report)).get("stats");
        assertThat(stats.get("unexpected").asInt()).as("failed browser tests; Playwright's output:\n" + transcript).isZero();
        assertThat(stats.get("flaky").asInt()).as("browser tests that passed only on retry:\n" + transcript).isZero();
        assertThat(stats.get("skipped").asInt()).as("skipped browser tests:\n" + transcript).isZero();
        assertThat(stats.get("expected").asInt()).as("browser tests that ran and passed").isGreaterThanOrEqualTo(8);
        assertThat(process.exitValue()).as(transcript).isZero();
    }

    /**
     * With {@code -Dconsole.hold=true} the platform stays up for writing a spec against it: its
     * address and the demo password are written to console/target/test-platform.env (source it,
     * then run {@code npx playwright test} in console/); deleting the file lets the test go on.
     */
    private static void holdForDevelopment() throws Exception {
        Path env = CONSOLE.resolve("target/test-platform.env");
        Files.createDirectories(env.getParent());
        Files.writeString(env, "export CONSOLE_URL=" + platform.consoleUrl() + "\nexport KEYCLOAK_URL=" + platform.keycloak().baseUrl()
                + "\nexport DEMO_PASSWORD='" + platform.secrets().demoPassword() + "'\n");
        System.out.println("holding the platform at " + platform.consoleUrl() + " until " + env + " is deleted");
        while (Files.exists(env)) {
            Thread.sleep(1000);
        }
    }
}
