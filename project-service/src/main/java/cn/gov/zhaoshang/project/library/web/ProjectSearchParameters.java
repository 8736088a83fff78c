package cn.gov.zhaoshang.project.library.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.model.AmountBand;
import cn.gov.zhaoshang.project.library.model.Channel;
import cn.gov.zhaoshang.project.library.model.ProjectFilter;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.SourceKeyArea;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of a search of the project library ({@code GET /api/projects} and its Excel
 * export), read into a {@link ProjectFilter}. Every parameter is checked: one the operation does not
 * know, a value that is not of its kind, or a range that ends before it starts is a 400 naming it,
 * all of them at once; nothing is silently ignored. An empty value is no filter (what a cleared form
 * field sends). Filters that take several values take them repeated ({@code stage=SIGNED&stage=LANDED})
 * or comma-separated, and match any of them.
 */
public final class ProjectSearchParameters {

    /** Dates of registration are days in China Standard Time, as the bureaus count them. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final int MAX_QUERY_LENGTH = 100;
    private static final Pattern INDUSTRY_PREFIX = Pattern.compile("^[A-T]\\d{0,4}$");
    private static final Pattern AMOUNT = Pattern.compile("^\\d{1,16}(\\.\\d{1,2})?$");
    private static final int MAX_TAG_LENGTH = 64;

    /** The filters, in the order the response lists them. */
    public static final List<String> FILTERS = List.of("q", "orgUnit", "stage", "industry", "chainTag", "channel",
            "sourceKeyArea", "manufacturing", "amountBand", "amountFrom", "amountTo", "signedFrom", "signedTo",
            "registeredFrom", "registeredTo", "investor", "hasOpenWarning", "keyProject");

    /**
     * @param filter  what the search asks for
     * @param unit    the unit {@code orgUnit} names (within the caller's scope); {@code null} without it
     * @param applied the filters applied, by name, as the response echoes them (values normalised)
     */
    public record Search(ProjectFilter filter, OrgUnit unit, Map<String, Object> applied) {
    }

    private final MultiValueMap<String, String> parameters;
    private final List<FieldViolation> violations = new ArrayList<>();
    private final Map<String, Object> applied = new LinkedHashMap<>();

    private ProjectSearchParameters(MultiValueMap<String, String> parameters) {
        this.parameters = parameters;
    }

    /**
     * @param parameters every query parameter of the request
     * @param operationParameters the operation's own parameters beside the filters (page, size, sort)
     * @param operationViolations what is wrong with those, already found; named in the same 400
     * @throws cn.gov.zhaoshang.platform.errors.RequestValidationException naming every bad parameter
     * @throws NotFoundException when {@code orgUnit} is not a unit of the caller's scope
     */
    public static Search read(MultiValueMap<String, String> parameters, Set<String> operationParameters,
            List<FieldViolation> operationViolations, OrgScope scope, OrgUnitDirectory orgUnits) {
        ProjectSearchParameters search = new ProjectSearchParameters(parameters);
        search.violations.addAll(operationViolations);
        return search.read(operationParameters, scope, orgUnits);
    }

    private Search read(Set<String> operationParameters, OrgScope scope, OrgUnitDirectory orgUnits) {
        new TreeSet<>(parameters.keySet()).stream()
                .filter(name -> !FILTERS.contains(name) && !operationParameters.contains(name))
                .forEach(name -> violations.add(new FieldViolation(name, "Unknown",
                        "is not a parameter of this list; it takes " + String.join(", ", FILTERS))));

        String query = single("q", text -> text.length() <= MAX_QUERY_LENGTH ? text : null,
                "Size", "is at most " + MAX_QUERY_LENGTH + " characters");
        String unitCode = single("orgUnit", Function.identity(), null, null);
        Set<ProjectStage> stages = several("stage", ProjectStage.class);
        String industry = single("industry", text -> INDUSTRY_PREFIX.matcher(text.toUpperCase(Locale.ROOT)).matches()
                ? text.toUpperCase(Locale.ROOT) : null, "Pattern", "is a GB/T 4754 code or its start, e.g. C, C38, C3841");
        Set<String> chainTags = severalTexts("chainTag");
        Set<Channel> channels = several("channel", Channel.class);
        Set<SourceKeyArea> keyAreas = several("sourceKeyArea", SourceKeyArea.class);
        Boolean manufacturing = single("manufacturing", ProjectSearchParameters::bool, "Boolean", "is true or false");
        AmountBand band = single("amountBand", text -> constant(AmountBand.class, text),
                "AllowedValue", "is one of " + Arrays.toString(AmountBand.values()));
        BigDecimal amountFrom = single("amountFrom", ProjectSearchParameters::amount, "Pattern", "is an amount in yuan, e.g. 100000000 or 1500.50");
        BigDecimal amountTo = single("amountTo", ProjectSearchParameters::amount, "Pattern", "is an amount in yuan, e.g. 100000000 or 1500.50");
        LocalDate signedFrom = date("signedFrom");
        LocalDate signedTo = date("signedTo");
        LocalDate registeredFrom = date("registeredFrom");
        LocalDate registeredTo = date("registeredTo");
        UUID investor = single("investor", ProjectSearchParameters::uuid, "Format", "is an enterprise id (a UUID)");
        Boolean hasOpenWarning = single("hasOpenWarning", ProjectSearchParameters::bool, "Boolean", "is true or false");
        Boolean keyProject = single("keyProject", ProjectSearchParameters::bool, "Boolean", "is true or false");

        if (band != null && amountFrom != null) {
            violations.add(new FieldViolation("amountBand", "Exclusive", "is given without amountFrom: a band is its own lower bound"));
        }
        BigDecimal from = band != null ? band.atLeastYuan() : amountFrom;
        ordered("amountTo", from, amountTo, "amountFrom or amountBand");
        ordered("signedTo", signedFrom, signedTo, "signedFrom");
        ordered("registeredTo", registeredFrom, registeredTo, "registeredFrom");
        Paging.throwIfAny(violations);

        OrgUnit unit = unitCode == null ? null : orgUnits.find(unitCode).filter(scope::contains)
                .orElseThrow(() -> new NotFoundException("org unit", unitCode));
        ProjectFilter filter = new ProjectFilter(query, unit == null ? null : unit.path(), stages, industry, chainTags, channels, keyAreas,
                manufacturing, from, amountTo, signedFrom, signedTo,
                registeredFrom == null ? null : registeredFrom.atStartOfDay(CHINA).toInstant(),
                registeredTo == null ? null : registeredTo.plusDays(1).atStartOfDay(CHINA).toInstant(),
                investor, hasOpenWarning, keyProject);
        Map<String, Object> echoed = new LinkedHashMap<>();
        FILTERS.stream().filter(applied::containsKey).forEach(name -> echoed.put(name, applied.get(name)));
        return new Search(filter, unit, echoed);
    }

    /** The one value of a parameter, read by {@code reader} (null: not of its kind); null when absent or empty. */
    private <T> T single(String name, Function<String, T> reader, String rule, String message) {
        List<String> values = values(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            violations.add(new FieldViolation(name, "Single", "is given once"));
            return null;
        }
        T value = reader.apply(values.getFirst());
        if (value == null) {
            violations.add(new FieldViolation(name, rule, message));
            return null;
        }
        applied.put(name, value instanceof Enum<?> constant ? constant.name() : value instanceof BigDecimal amount
                ? amount.toPlainString() : value.toString());
        return value;
    }

    private <E extends Enum<E>> Set<E> several(String name, Class<E> type) {
        Set<E> found = EnumSet.noneOf(type);
        for (String value : splitValues(name)) {
            E constant = constant(type, value);
            if (constant == null) {
                violations.add(new FieldViolation(name, "AllowedValue", "is one or several of " + Arrays.toString(type.getEnumConstants())));
                return Set.of();
            }
            found.add(constant);
        }
        if (!found.isEmpty()) {
            applied.put(name, found.stream().map(Enum::name).toList());
        }
        return found;
    }

    private Set<String> severalTexts(String name) {
        Set<String> found = new LinkedHashSet<>(splitValues(name));
        if (found.stream().anyMatch(tag -> tag.length() > MAX_TAG_LENGTH)) {
            violations.add(new FieldViolation(name, "Size", "each is at most " + MAX_TAG_LENGTH + " characters"));
            return Set.of();
        }
        if (!found.isEmpty()) {
            applied.put(name, List.copyOf(found));
        }
        return found;
    }

    private LocalDate date(String name) {
        return single(name, ProjectSearchParameters::isoDate, "Format", "is a date, e.g. 2026-03-31");
    }

    private <T extends Comparable<? super T>> void ordered(String toName, T from, T to, String fromName) {
        if (from != null && to != null && to.compareTo(from) < 0) {
            violations.add(new FieldViolation(toName, "Range", "is on or after " + fromName));
        }
    }

    private List<String> values(String name) {
        List<String> given = parameters.getOrDefault(name, List.of());
        return given.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    private List<String> splitValues(String name) {
        return values(name).stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        return null;
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static BigDecimal amount(String text) {
        return AMOUNT.matcher(text).matches() ? new BigDecimal(text) : null;
    }

    private static LocalDate isoDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
