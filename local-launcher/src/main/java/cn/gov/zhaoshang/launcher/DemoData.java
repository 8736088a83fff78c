package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.gov.zhaoshang.testsupport.Readiness;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guangxi demo data, loaded once through the public API with the demo users' tokens, exactly as a
 * bureau would enter it, relative to the day of the first start ({@link DemoCalendar}): the org
 * tree's parks, targets for this year and last, resident teams with their own targets,
 * enterprises with their list memberships, the teams' dockings, visits and intents this year, and
 * the project library with signings in every month of last year and this year to date, stage
 * histories and funds in place; then last month closed for 覃塘.
 */
final class DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Enough to keep the services busy on a small machine without queueing in the gateway. */
    private static final int PARALLEL_LOADERS = 6;
    /** How long project-service may take to learn the resident teams just set up in targets-service. */
    private static final Duration TEAMS_ARRIVE_WITHIN = Duration.ofMinutes(1);
    /** 覃塘区: the county whose leader, the demo user qt-leader, closes a month. */
    static final String CLOSING_COUNTY = "450804";
    /** Where the first start writes the day it loaded the data for, so that later starts print a month with data. */
    private static final String LOADED_FOR = "demo-data.day";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final KeycloakServer keycloak;
    private final String gatewayUrl;
    private final LocalSecrets secrets;
    private final String kafkaBootstrapServers;

    DemoData(KeycloakServer keycloak, String gatewayUrl, LocalSecrets secrets, String kafkaBootstrapServers) {
        this.keycloak = keycloak;
        this.gatewayUrl = gatewayUrl;
        this.secrets = secrets;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    /**
     * The month whose report has data: the month the first start closed (the last complete month
     * on its day); before any demo data, or for data loaded before the day was written, the last
     * complete month now.
     */
    static YearMonth reportMonth(Path home) {
        Path loadedFor = home.resolve(LOADED_FOR);
        try {
            if (Files.exists(loadedFor)) {
                return new DemoCalendar(LocalDate.parse(Files.readString(loadedFor).strip())).lastCompleteMonth();
            }
        } catch (IOException | DateTimeException unreadable) {
            // fall back to the month before this one
        }
        return DemoCalendar.ofFirstStart().lastCompleteMonth();
    }

    /** @return what was loaded now, for the launcher to print (empty when an earlier start loaded it) */
    List<String> loadOnce(Path home) throws IOException, InterruptedException {
        Path marker = home.resolve("demo-data.loaded");
        if (Files.exists(marker)) {
            return List.of();
        }
        DemoCalendar calendar = DemoCalendar.ofFirstStart();
        long start = System.nanoTime();
        DemoUser regionAdmin = new DemoUser("gx-admin");
        DemoUser guigangOfficer = new DemoUser("gg-officer");
        DemoUser regionOfficer = new DemoUser("gx-officer");
        // the parks and teams first: projects are entered in the parks and name the teams
        int parks = loadParks(regionAdmin);
        List<String> teamIds = loadResidentTeams(guigangOfficer, calendar);
        awaitParksKnown(guigangOfficer, calendar);
        progress(start, "parks and resident teams loaded");
        // the project library (project-service) needs nothing from the targets, enterprises and
        // engagements (targets- and enterprise-service): both are loaded at the same time
        ProjectsLoaded projects;
        int targets;
        List<String> enterprises;
        int engagements;
        try (ExecutorService library = Executors.newSingleThreadExecutor()) {
            Future<ProjectsLoaded> loadingProjects = library.submit(() -> {
                ProjectsLoaded loaded = loadProjects(guigangOfficer, regionOfficer, calendar, teamIds);
                progress(start, "project library loaded");
                return loaded;
            });
            targets = loadTargets(regionAdmin, guigangOfficer, calendar, teamIds);
            enterprises = loadEnterprises(regionAdmin, calendar);
            engagements = loadEngagements(guigangOfficer, calendar, teamIds, enterprises);
            progress(start, "targets, enterprises and engagements loaded");
            projects = loadingProjects.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof LauncherException refused) {
                throw refused;
            }
            throw new IOException("loading demo projects failed", failed.getCause());
        }
        String closedMonth = closeOneMonth(calendar);
        progress(start, "reporting caught up, month closed");
        List<String> loaded = List.of(parks + " industrial parks", targets + " annual targets for " + calendar.lastYear()
                        + " and " + calendar.year(), teamIds.size() + " resident teams of Guigang",
                enterprises.size() + " enterprises on " + DemoEnterprises.editions(calendar.lastYear()).size() + " list editions",
                engagements + " dockings and visits by Guigang's teams", projects.toString(), closedMonth);
        Files.writeString(home.resolve(LOADED_FOR), calendar.today() + "\n");
        Files.writeString(marker, String.join("\n", loaded) + "\n");
        return loaded;
    }

    private static void progress(long start, String what) {
        System.out.printf("        demo data: %s after %d s%n", what, Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    /** The parks, whose codes a fresh tree gives as {@link DemoUnits#PARKS} expects (the first park under a unit is P01). */
    private int loadParks(DemoUser admin) throws IOException, InterruptedException {
        for (DemoUnits.Park park : DemoUnits.PARKS) {
            String code = JSON.readTree(post(admin, "/api/org-units", Map.of("parentCode", park.parentCode(),
                    "nameZh", park.nameZh(), "nameEn", park.nameEn()))).get("code").asString();
            if (!code.equals(park.code())) {
                throw new LauncherException("the park " + park.nameZh() + " got the code " + code + ", not " + park.code()
                        + ": the tree had parks before the demo data. Delete .run-local/ to start from scratch.");
            }
        }
        return DemoUnits.PARKS.size();
    }

    /**
     * Projects are entered in the parks, so project-service must know them, and reporting-service
     * too (an event of a unit it does not know would be dead-lettered): both learn the parks from
     * targets-service's events, which take a moment.
     */
    private void awaitParksKnown(DemoUser guigang, DemoCalendar calendar) {
        for (DemoUnits.Park park : DemoUnits.PARKS) {
            for (String path : List.of("/api/projects/signing-confirmation-settings/" + park.code(),
                    "/api/reports/units/" + park.code() + "?period=" + calendar.year())) {
                Readiness.await(path + " knows the park", Duration.ofMinutes(1),
                        () -> get(guigang, path) == 200, () -> "not yet");
            }
        }
    }

    /**
     * Targets for last year and this year: Guigang's published ones and its counties' and parks'
     * (set by Guigang's target admin), Nanning's and Liuzhou's and their counties' (set by the
     * region's), and the resident teams' own ({@link DemoUnits}).
     */
    private int loadTargets(DemoUser regionTargetAdmin, DemoUser guigangTargetAdmin, DemoCalendar calendar, List<String> teamIds)
            throws IOException, InterruptedException {
        List<DemoUnits.TargetRequest> requests = DemoUnits.targetRequests(calendar);
        for (DemoUnits.TargetRequest request : requests) {
            DemoUser setter = request.setter() == DemoUnits.Setter.REGION_TARGET_ADMIN ? regionTargetAdmin : guigangTargetAdmin;
            post(setter, "/api/targets", request.body());
        }
        for (int team = 0; team < teamIds.size(); team++) {
            DemoUnits.Team resident = DemoUnits.TEAMS.get(team);
            post(guigangTargetAdmin, "/api/resident-teams/" + teamIds.get(team) + "/targets", Map.of("year", calendar.lastYear(),
                    "contractTarget", DemoUnits.yuan(resident.lastYearContractTargetYi())));
            post(guigangTargetAdmin, "/api/resident-teams/" + teamIds.get(team) + "/targets", Map.of("year", calendar.year(),
                    "contractTarget", DemoUnits.yuan(resident.contractTargetYi())));
        }
        return requests.size();
    }

    /** 贵港 has 7 teams of 39 people (seed 002), stationed since the beginning of last year. @return their ids */
    private List<String> loadResidentTeams(DemoUser officer, DemoCalendar calendar) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (DemoUnits.Team team : DemoUnits.TEAMS) {
            ids.add(JSON.readTree(post(officer, "/api/resident-teams", Map.of("orgUnit", DemoUnits.GUIGANG,
                    "name", team.fullName(), "keyArea", team.keyArea(), "memberCount", team.members(),
                    "activeFrom", LocalDate.of(calendar.lastYear(), 1, 1).toString()))).get("id").asString());
        }
        return ids;
    }

    /** @return the ids of the registered enterprises, in demo order */
    private List<String> loadEnterprises(DemoUser admin, DemoCalendar calendar) throws IOException, InterruptedException {
        List<Callable<String>> registrations = new ArrayList<>();
        for (int n = 0; n < DemoEngagements.ENTERPRISES; n++) {
            int number = n;
            registrations.add(() -> JSON.readTree(post(admin, "/api/enterprises", DemoEnterprises.registration(number)))
                    .get("enterprise").get("id").asString());
        }
        List<String> ids = inParallel(registrations);
        for (DemoEnterprises.Edition edition : DemoEnterprises.editions(calendar.lastYear())) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("enterpriseClass", edition.enterpriseClass());
            request.put("edition", edition.edition());
            request.put("publishedOn", edition.publishedOn());
            if (edition.validYears() != null) {
                request.put("validYears", edition.validYears());
            }
            String editionId = JSON.readTree(post(admin, "/api/list-editions", request)).get("id").asString();
            List<Callable<String>> members = new ArrayList<>();
            int rank = 1;
            for (int member : edition.members()) {
                Map<String, Object> membership = Map.of("enterpriseId", ids.get(member), "rank", rank++);
                members.add(() -> post(admin, "/api/list-editions/" + editionId + "/members", membership));
            }
            inParallel(members);
        }
        return ids;
    }

    /** The teams' dockings, visits and intents this year ({@link DemoEngagements}). */
    private int loadEngagements(DemoUser officer, DemoCalendar calendar, List<String> teamIds, List<String> enterpriseIds)
            throws IOException, InterruptedException {
        List<Callable<String>> engagements = new ArrayList<>();
        for (DemoEngagements.Engagement engagement : DemoEngagements.plans(calendar.today())) {
            Map<String, Object> request = engagement.request(teamIds, enterpriseIds);
            engagements.add(() -> post(officer, "/api/engagements", request));
        }
        return inParallel(engagements).size();
    }

    /** Independent calls, a few at a time; the results in the order of the calls. */
    private static <T> List<T> inParallel(List<Callable<T>> calls) throws IOException, InterruptedException {
        List<T> results = new ArrayList<>();
        try (ExecutorService loaders = Executors.newFixedThreadPool(PARALLEL_LOADERS)) {
            for (Future<T> done : loaders.invokeAll(calls)) {
                results.add(done.get());
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof LauncherException refused) {
                throw refused;
            }
            throw new IOException("loading demo data failed", failed.getCause());
        }
        return results;
    }

    /**
     * The project library ({@link DemoProjects}): each project's registration, stage moves and funds
     * in order, several projects at a time, as several officers would enter them. The region's
     * officer enters the other cities' projects.
     */
    private ProjectsLoaded loadProjects(DemoUser guigangOfficer, DemoUser regionOfficer, DemoCalendar calendar, List<String> teamIds)
            throws IOException, InterruptedException {
        List<DemoProjects.Plan> plans = DemoProjects.plans(calendar.today());
        List<Callable<int[]>> tasks = plans.stream().<Callable<int[]>>map(plan -> () -> {
            DemoUser officer = plan.owner() == DemoUnits.Owner.GUIGANG ? guigangOfficer : regionOfficer;
            String id = JSON.readTree(register(officer, plan.registration(teamIds))).get("id").asString();
            for (Map<String, Object> move : plan.moves()) {
                post(officer, "/api/projects/" + id + "/stage-moves", move);
            }
            for (Map<String, Object> funds : plan.funds()) {
                post(officer, "/api/projects/" + id + "/funds", funds);
            }
            return new int[] {plan.moves().size(), plan.funds().size()};
        }).toList();
        int moves = 0;
        int funds = 0;
        try (ExecutorService loaders = Executors.newFixedThreadPool(PARALLEL_LOADERS)) {
            for (Future<int[]> done : loaders.invokeAll(tasks)) {
                int[] counts = done.get();
                moves += counts[0];
                funds += counts[1];
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof LauncherException refused) {
                throw refused;
            }
            throw new IOException("loading demo projects failed", failed.getCause());
        }
        long guigang = plans.stream().filter(plan -> plan.owner() == DemoUnits.Owner.GUIGANG).count();
        return new ProjectsLoaded(plans.size(), guigang, moves, funds);
    }

    /**
     * One closed month (月报关账): 覃塘's leader closes the last complete month (in the first days of
     * January, December of last year), once reporting has read every event. 覃塘 has no parks, so
     * it closes first in the bottom-up order; Guigang's close status then shows it closed and the
     * other counties still open. Closed after the 5th, the deadline of the default definition, it
     * is flagged late.
     */
    private String closeOneMonth(DemoCalendar calendar) throws IOException, InterruptedException {
        ReportingCatchUp.await(kafkaBootstrapServers, Duration.ofMinutes(2));
        YearMonth month = calendar.lastCompleteMonth();
        JsonNode close = JSON.readTree(post(new DemoUser("qt-leader"), "/api/reports/units/" + CLOSING_COUNTY + "/closes",
                Map.of("month", month.toString())));
        return "覃塘 (" + CLOSING_COUNTY + ") closed " + month + (close.path("late").asBoolean() ? " (late)" : "");
    }

    private record ProjectsLoaded(int projects, long inGuigang, int moves, int funds) {
        @Override
        public String toString() {
            return projects + " projects (" + inGuigang + " in Guigang) at every stage with " + moves + " stage moves and "
                    + funds + " monthly funds reports";
        }
    }

    /**
     * Registers a project, waiting for project-service to know its resident team: the teams were
     * just set up in targets-service, and project-service learns them from its events, a moment
     * later (a team it does not know yet is refused, 400 {@code KnownResidentTeam}).
     *
     * @return the response body
     */
    private String register(DemoUser user, Map<String, Object> registration) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(TEAMS_ARRIVE_WITHIN);
        while (true) {
            HttpResponse<String> response = sendRetrying(postRequest(user, "/api/projects", registration), "POST /api/projects");
            boolean teamNotYetKnown = response.statusCode() == 400 && response.body().contains("KnownResidentTeam");
            if (!teamNotYetKnown || Instant.now().isAfter(deadline)) {
                return bodyOf(response, "/api/projects");
            }
            Thread.sleep(200);
        }
    }

    /** @return the response body */
    private String post(DemoUser user, String path, Object body) throws IOException, InterruptedException {
        return bodyOf(sendRetrying(postRequest(user, path, body), "POST " + path), path);
    }

    private HttpRequest postRequest(DemoUser user, String path, Object body) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private static String bodyOf(HttpResponse<String> response, String path) {
        if (response.statusCode() / 100 != 2) {
            throw new LauncherException("loading demo data failed: POST " + path + " answered " + response.statusCode()
                    + " " + response.body());
        }
        return response.body();
    }

    /**
     * Sends the request, and again as {@link RetryPolicy#API_CALLS} says while it is answered 503
     * (a service that cannot reach Keycloak) or 429 (the loaders together may outrun a demo user's
     * rate limit at the gateway, 50/s), saying so on the console each time.
     */
    private HttpResponse<String> sendRetrying(HttpRequest request, String what) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Optional<String> retryAfter = response.headers().firstValue("Retry-After");
            Optional<Duration> delay = RetryPolicy.API_CALLS.delayAfter(attempt, response.statusCode(), retryAfter, Instant.now());
            if (delay.isEmpty()) {
                return response;
            }
            System.out.printf("        demo data: %s answered %d%s; trying again in %.1f s (attempt %d of %d)%n", what,
                    response.statusCode(), retryAfter.map(value -> " (Retry-After: " + value + ")").orElse(""),
                    delay.get().toMillis() / 1000.0, attempt + 1, RetryPolicy.API_CALLS.attempts());
            Thread.sleep(delay.get());
        }
    }

    /** @return the status of a GET */
    private int get(DemoUser user, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).header("Authorization", "Bearer " + user.token()).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * A demo user's access token, renewed well before it expires: the realm's tokens last 5
     * minutes, and loading the demo data on a busy machine may take longer.
     */
    private final class DemoUser {

        private static final Duration RENEWAL = Duration.ofMinutes(3);
        private final String username;
        private String token;
        private long obtainedAt;

        DemoUser(String username) {
            this.username = username;
        }

        synchronized String token() throws IOException, InterruptedException {
            if (token == null || System.nanoTime() - obtainedAt > RENEWAL.toNanos()) {
                token = passwordGrant(username);
                obtainedAt = System.nanoTime();
            }
            return token;
        }
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
