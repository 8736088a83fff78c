package cn.gov.zhaoshang.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import cn.gov.zhaoshang.contracts.EventSchemaValidator;
import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.contracts.targets.OrgUnitChanged;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Org units of a test class's own: a fresh subtree with codes no other class of the JVM has, so
 * that the figures, closes and projects a class writes for its units can never meet another
 * class's, whatever the order of classes. This is the one way the service tests keep apart in the
 * database their classes share (docs/testing.md, "Isolation").
 *
 * <p>The tree is a region of its own (level {@code REGION}, no parent) with the cities, counties
 * and parks the class asks for, so the real region 450000 and its 14 cities never get a child from
 * a test, and a region-level test of a class sees its own cities only.
 *
 * <p>Codes: the subtree's number {@code kk} (01–99, one per tree in the JVM) gives the region
 * {@code 9kk000}, its {@code c}-th city (1–9) {@code 9kkc00}, the city's {@code j}-th county
 * {@code 9kkcjj}, and a park its parent's code + {@code P01}, {@code P02} … as targets-service
 * numbers parks. No GB/T 2260 code begins with 9. Units are numbered in the order they are
 * given, so codes sort as the names were listed. {@link Builder#cityLike(String)} copies a real
 * city and its counties (names, and order, from the reference divisions), and
 * {@link #twinOf(String)} gives the generated unit that stands for a real code, so a test written
 * about 贵港 keeps its names and orderings under codes of its own.
 *
 * <p>{@link #makeKnownTo(String)} makes the units known to the service under test the way it
 * learns them in production: as targets-service's {@code org-unit-defined} events on
 * {@code zhaoshang.targets.v1} (each checked against its contract), which the service's shared
 * {@code OrgUnitEventsListener} applies to its local copy of the tree. It sends one level at a
 * time and waits until the listener's consumer group ({@code <service>.org-units}) has committed
 * past it, so a unit's parent is always there when the unit arrives. targets-service, the owner of
 * the tree, does not follow these events; its tests learn units from the reference file or its
 * API, as it does.
 *
 * <p>Tokens for users of the units: {@link #token(String, Unit, String...)}.
 */
public final class GeneratedOrgUnits {

    /** A unit of the tree: its code, parent, level, Chinese name and ltree path. */
    public record Unit(String code, String parentCode, String level, String nameZh, String path) {
    }

    private static final AtomicInteger TREES = new AtomicInteger();
    private static final Map<String, Unit> ALL = new ConcurrentHashMap<>();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** platform-shared's copy of the reference divisions, which every service has on its class path. */
    private static final String REFERENCE_DIVISIONS = "org-units/guangxi-admin-divisions.csv";

    private final Unit region;
    private final List<Unit> cities;
    private final Map<String, List<Unit>> children;
    private final List<Unit> units;
    private final Map<String, Unit> twins;
    private final Set<String> knownTo = ConcurrentHashMap.newKeySet();

    private GeneratedOrgUnits(Unit region, List<Unit> cities, Map<String, List<Unit>> children, List<Unit> units,
            Map<String, Unit> twins) {
        this.region = region;
        this.cities = List.copyOf(cities);
        this.children = children;
        this.units = List.copyOf(units);
        this.twins = Map.copyOf(twins);
    }

    /** A tree whose cities hang under a region of its own, named 测试区 and the tree's number. */
    public static Builder newTree() {
        return new Builder();
    }

    /** The path of a unit of any tree generated in this JVM, if the code is one. */
    public static Optional<String> pathOf(String code) {
        return Optional.ofNullable(ALL.get(code)).map(Unit::path);
    }

    public Unit region() {
        return region;
    }

    public Unit city(int index) {
        return cities.get(index);
    }

    /** The counties and parks directly under a unit, in the order given. */
    public List<Unit> childrenOf(Unit unit) {
        return children.getOrDefault(unit.code(), List.of());
    }

    /** The {@code index}-th child (county or park) of the first city. */
    public Unit county(int index) {
        return childrenOf(city(0)).get(index);
    }

    /**
     * The generated unit that stands for a real code in this tree: a city of {@link Builder#cityLike},
     * one of its counties, or (for {@code "450000"}) the tree's region.
     */
    public Unit twinOf(String realCode) {
        Unit twin = twins.get(realCode);
        if (twin == null) {
            throw new IllegalArgumentException("this tree has no twin of " + realCode);
        }
        return twin;
    }

    /** Every generated unit, parents before children. */
    public List<Unit> units() {
        return units;
    }

    /** A token of this JVM's token issuer for a user of one of these units. */
    public String token(String username, Unit unit, String... roles) {
        return PlatformServers.identityProvider().tokenFor(username, unit.code(), roles);
    }

    /**
     * Publishes the units as targets-service's {@code org-unit-defined} events and waits until the
     * service's org-unit listener (consumer group {@code <service>.org-units}) has applied them,
     * one level at a time. Once per service: a later call returns at once, so a test may call it
     * before each test.
     *
     * @param service the service's {@code spring.application.name}
     */
    public synchronized GeneratedOrgUnits makeKnownTo(String service) {
        if (knownTo.contains(service)) {
            return this;
        }
        String bootstrapServers = PlatformServers.kafka().bootstrapServers();
        String group = service + ".org-units";
        Map<Integer, List<Unit>> levels = new LinkedHashMap<>();
        units.forEach(unit -> levels.computeIfAbsent(depth(unit), depth -> new ArrayList<>()).add(unit));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (List<Unit> level : levels.values()) {
                Map<Integer, RecordMetadata> lastPerPartition = new HashMap<>();
                for (Unit unit : level) {
                    String event = definedEvent(unit);
                    List<String> violations = EventSchemaValidator.shared().validate(event);
                    if (!violations.isEmpty()) {
                        throw new IllegalStateException("a generated unit's event breaks its contract: " + violations);
                    }
                    RecordMetadata sent = producer.send(new ProducerRecord<>(Topics.TARGETS, unitId(unit).toString(), event)).get();
                    lastPerPartition.merge(sent.partition(), sent, (a, b) -> a.offset() >= b.offset() ? a : b);
                }
                for (RecordMetadata last : lastPerPartition.values()) {
                    if (!TopicReader.awaitConsumedPast(bootstrapServers, group, last, DEADLINE)) {
                        throw new IllegalStateException(group + " did not apply the generated org units within " + DEADLINE);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send the generated org units", e);
        }
        knownTo.add(service);
        return this;
    }

    private static int depth(Unit unit) {
        return unit.path().split("\\.").length;
    }

    private static UUID unitId(Unit unit) {
        return UUID.nameUUIDFromBytes(("generated-org-unit-" + unit.code()).getBytes(StandardCharsets.UTF_8));
    }

    private static String definedEvent(Unit unit) {
        UUID id = unitId(unit);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unitId", id.toString());
        data.put("code", unit.code());
        data.put("previousCode", null);
        data.put("aliases", List.of());
        data.put("parentCode", unit.parentCode());
        data.put("level", unit.level());
        data.put("nameZh", unit.nameZh());
        data.put("nameEn", null);
        data.put("path", unit.path());
        data.put("change", OrgUnitChanged.DEFINED);
        return TestEvents.envelope(EventTypes.TARGETS_ORG_UNIT_DEFINED, "/zhaoshang/targets-service", id.toString(),
                unit.path(), data);
    }

    /** Lists the units; {@link #build()} gives them their codes. */
    public static final class Builder {

        private final List<CityPlan> cities = new ArrayList<>();

        private Builder() {
        }

        /** A city to generate; {@code twinOf} holds the real codes it and its counties stand for, if any. */
        private record CityPlan(String nameZh, List<String> counties, List<String> cityParks,
                Map<Integer, List<String>> countyParks, List<String> twinOf) {
        }

        /** A city with counties of these names (none for a city without counties). */
        public Builder city(String nameZh, String... countyNames) {
            cities.add(new CityPlan(nameZh, List.of(countyNames), new ArrayList<>(), new LinkedHashMap<>(), List.of()));
            return this;
        }

        /**
         * A twin of a real city: its name and its counties' names, in the order of the reference
         * divisions ({@code org-units/guangxi-admin-divisions.csv} on the service's class path), under
         * fresh codes; {@link GeneratedOrgUnits#twinOf(String)} finds the twin of each real code.
         */
        public Builder cityLike(String realCityCode) {
            List<String[]> rows = referenceDivisions();
            String[] city = rows.stream().filter(row -> row[0].equals(realCityCode) && row[2].equals("CITY")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no city " + realCityCode + " in the reference divisions"));
            List<String[]> counties = rows.stream().filter(row -> row[1].equals(realCityCode)).toList();
            List<String> twins = new ArrayList<>(List.of(realCityCode));
            counties.forEach(county -> twins.add(county[0]));
            cities.add(new CityPlan(city[3], counties.stream().map(county -> county[3]).toList(), new ArrayList<>(),
                    new LinkedHashMap<>(), twins));
            return this;
        }

        /** A park under the last city's {@code county}-th county, or under the city itself if {@code county} is -1. */
        public Builder park(int county, String nameZh) {
            CityPlan city = cities.getLast();
            if (county < 0) {
                city.cityParks().add(nameZh);
            } else {
                city.countyParks().computeIfAbsent(county, c -> new ArrayList<>()).add(nameZh);
            }
            return this;
        }

        public GeneratedOrgUnits build() {
            int tree = TREES.incrementAndGet();
            if (tree > 99 || cities.size() > 9) {
                throw new IllegalStateException("generated trees hold up to 9 cities, and a JVM up to 99 trees");
            }
            String prefix = "9%02d".formatted(tree);
            List<Unit> units = new ArrayList<>();
            Map<String, List<Unit>> children = new LinkedHashMap<>();
            Map<String, Unit> twins = new HashMap<>();
            Unit region = add(units, null, new Unit(prefix + "000", null, "REGION", "测试区" + tree, prefix + "000"));
            twins.put("450000", region);
            List<Unit> cityUnits = new ArrayList<>();
            for (int c = 0; c < cities.size(); c++) {
                CityPlan plan = cities.get(c);
                String cityCode = prefix + (c + 1) + "00";
                Unit city = add(units, children, new Unit(cityCode, region.code(), "CITY", plan.nameZh(), region.path() + "." + cityCode));
                cityUnits.add(city);
                List<Unit> twinned = new ArrayList<>(List.of(city));
                for (int j = 0; j < plan.counties().size(); j++) {
                    String code = prefix + (c + 1) + "%02d".formatted(j + 1);
                    Unit county = add(units, children, new Unit(code, cityCode, "COUNTY", plan.counties().get(j), city.path() + "." + code));
                    twinned.add(county);
                    addParks(units, children, county, plan.countyParks().getOrDefault(j, List.of()));
                }
                addParks(units, children, city, plan.cityParks());
                for (int t = 0; t < plan.twinOf().size(); t++) {
                    twins.put(plan.twinOf().get(t), twinned.get(t));
                }
            }
            children.put(region.code(), cityUnits);
            units.sort(Comparator.comparingInt(GeneratedOrgUnits::depth));
            return new GeneratedOrgUnits(region, cityUnits, children, units, twins);
        }

        private static void addParks(List<Unit> units, Map<String, List<Unit>> children, Unit parent, List<String> names) {
            for (int p = 0; p < names.size(); p++) {
                String code = parent.code() + "P%02d".formatted(p + 1);
                add(units, children, new Unit(code, parent.code(), "PARK", names.get(p), parent.path() + "." + code));
            }
        }

        private static Unit add(List<Unit> units, Map<String, List<Unit>> children, Unit unit) {
            units.add(unit);
            ALL.put(unit.code(), unit);
            if (children != null && unit.parentCode() != null && !unit.level().equals("CITY")) {
                children.computeIfAbsent(unit.parentCode(), parent -> new ArrayList<>()).add(unit);
            }
            return unit;
        }

        /** The reference divisions' rows: code, parent code, level, Chinese name, English name. */
        private static List<String[]> referenceDivisions() {
            try (InputStream in = GeneratedOrgUnits.class.getClassLoader().getResourceAsStream(REFERENCE_DIVISIONS)) {
                if (in == null) {
                    throw new IllegalStateException(REFERENCE_DIVISIONS + " is not on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                        .filter(line -> !line.isBlank()).map(line -> line.split(",", -1)).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
