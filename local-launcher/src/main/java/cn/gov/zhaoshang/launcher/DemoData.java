package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;

/**
 * Guangxi demo data, loaded once through the public API with the demo users' tokens, exactly as a
 * bureau would enter it. It grows with the services: today the project library has signed
 * projects, so that is what is loaded.
 */
final class DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> GUIGANG_COUNTIES = List.of("450802", "450803", "450804", "450821", "450881");
    private static final List<String[]> INDUSTRIES = List.of(
            new String[] {"C2110", "高端家具"}, new String[] {"C3841", "新能源电池"}, new String[] {"C1810", "纺织服装"},
            new String[] {"C2021", "木材加工"}, new String[] {"C3612", "新能源电动车"}, new String[] {"C2614", "绿色化工"},
            new String[] {"I6510", "数字经济"}, new String[] {"G5411", "现代商贸物流"}, new String[] {"R8710", "大健康和文旅"});

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KeycloakServer keycloak;
    private final String gatewayUrl;
    private final LocalSecrets secrets;

    DemoData(KeycloakServer keycloak, String gatewayUrl, LocalSecrets secrets) {
        this.keycloak = keycloak;
        this.gatewayUrl = gatewayUrl;
        this.secrets = secrets;
    }

    /** @return how many projects were loaded now (0 when they were loaded by an earlier start) */
    int loadOnce(Path home) throws IOException, InterruptedException {
        Path marker = home.resolve("demo-data.loaded");
        if (Files.exists(marker)) {
            return 0;
        }
        String token = passwordGrant("gg-officer");
        Random random = new Random(450800);
        int loaded = 0;
        for (int i = 0; i < 60; i++) {
            String county = GUIGANG_COUNTIES.get(i % GUIGANG_COUNTIES.size());
            String[] industry = INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
            LocalDate signed = LocalDate.of(2026, 1 + random.nextInt(10), 1 + random.nextInt(28));
            BigDecimal amount = BigDecimal.valueOf(50_000_000L + random.nextInt(2_000) * 1_000_000L, 0);
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("name", "贵港" + industry[1] + "项目 " + (i + 1));
            project.put("orgUnit", county);
            project.put("contractAmount", amount.toPlainString() + ".00");
            project.put("signingDate", signed.toString());
            project.put("industryCode", industry[0]);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/projects"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(project))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new LauncherException("loading demo project failed: " + response.statusCode() + " " + response.body());
            }
            loaded++;
        }
        Files.writeString(marker, "loaded " + loaded + " projects\n");
        return loaded;
    }

    String passwordGrant(String username) throws IOException, InterruptedException {
        String form = "client_id=zhaoshang-cli&grant_type=password&username=" + username
                + "&password=" + URLEncoder.encode(secrets.demoPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new LauncherException("Keycloak refused the demo user " + username + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }
}
