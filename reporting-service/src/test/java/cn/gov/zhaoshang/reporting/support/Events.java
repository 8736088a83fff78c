package cn.gov.zhaoshang.reporting.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.testsupport.GeneratedOrgUnits;
import cn.gov.zhaoshang.testsupport.TestEvents;

/**
 * Events as the owning services publish them, following the contracts (the feed validates each one
 * against its schema before sending). Only what a test needs varies; the rest is fixed and plain.
 */
public final class Events {

    /** One event for one topic, keyed by its subject. */
    public record Event(String topic, String key, String json) {
    }

    private Events() {
    }

    /** Noon in the region on that day, as an instant. */
    public static Instant at(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.ofHours(8));
    }

    public static Event event(String type, String subject, String orgpath, Map<String, Object> data) {
        return new Event(EventTypes.topicOf(type), subject, TestEvents.envelope(type, source(type), subject, orgpath, data));
    }

    private static String source(String type) {
        return switch (EventTypes.topicOf(type)) {
            case Topics.PROJECT -> "/zhaoshang/project-service";
            case Topics.ENTERPRISE -> "/zhaoshang/enterprise-service";
            default -> "/zhaoshang/targets-service";
        };
    }

    /** The org path of a generated unit ({@link GeneratedOrgUnits}), or of a county or city code of the Guangxi tree. */
    public static String orgpath(String unit) {
        Optional<String> generated = GeneratedOrgUnits.pathOf(unit);
        if (generated.isPresent()) {
            return generated.get();
        }
        if (unit.equals("450000")) {
            return "450000";
        }
        String city = unit.substring(0, 4) + "00";
        return unit.equals(city) ? "450000." + city : "450000." + city + "." + unit;
    }

    /** A project of the library, as registered; {@code signed} false registers it NEGOTIATING. */
    public record ProjectSpec(UUID id, String orgUnit, String stage, String amount, LocalDate signingDate,
            boolean manufacturing, boolean signingConfirmed, List<String> classes, String channel, UUID team,
            String fdiUsd, LocalDate registeredOn) {
    }

    public static Event registered(ProjectSpec p) {
        boolean signed = p.signingDate() != null;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", p.id().toString());
        data.put("name", "测试项目 " + p.id());
        data.put("orgUnit", p.orgUnit());
        data.put("stage", p.stage());
        data.put("contractAmount", signed ? p.amount() : null);
        data.put("signingDate", signed ? p.signingDate().toString() : null);
        data.put("industryCode", p.manufacturing() ? "C3841" : "F5123");
        data.put("manufacturing", p.manufacturing());
        data.put("registeredAt", at(p.registeredOn()).toString());
        data.put("projectCode", null);
        data.put("stageReachedOn", signed ? p.signingDate().toString() : null);
        data.put("signingConfirmed", p.signingConfirmed());
        data.put("investorEnterpriseId", null);
        data.put("investorClasses", signed ? classes(p.classes()) : List.of());
        data.put("channel", p.channel());
        data.put("residentTeamId", p.team() == null ? null : p.team().toString());
        data.put("sourceKeyArea", null);
        data.put("industryChainTags", List.of());
        data.put("fdiContractUsd", p.fdiUsd());
        data.put("reinvestment", false);
        data.put("plannedStartDate", null);
        return event(EventTypes.PROJECT_REGISTERED, p.id().toString(), orgpath(p.orgUnit()), data);
    }

    private static List<Map<String, Object>> classes(List<String> classes) {
        return classes.stream().map(c -> Map.<String, Object>of("enterpriseClass", c, "edition", "2021")).toList();
    }

    public static Event stageChanged(UUID project, String orgUnit, String from, String to, LocalDate movedOn,
            String amount, LocalDate signingDate, Boolean signingConfirmed, List<String> classes) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", project.toString());
        data.put("orgUnit", orgUnit);
        data.put("fromStage", from);
        data.put("toStage", to);
        data.put("movedOn", movedOn.toString());
        data.put("evidence", null);
        data.put("contractAmount", amount);
        data.put("signingDate", signingDate == null ? null : signingDate.toString());
        data.put("movedAt", at(movedOn).toString());
        if ("SIGNED".equals(to)) {
            data.put("signingConfirmed", signingConfirmed);
            data.put("investorClasses", classes(classes));
        }
        return event(EventTypes.PROJECT_STAGE_CHANGED, project.toString(), orgpath(orgUnit), data);
    }

    public static Event signingConfirmed(UUID project, String orgUnit, LocalDate signingDate) {
        return event(EventTypes.PROJECT_SIGNING_CONFIRMED, project.toString(), orgpath(orgUnit), Map.of(
                "projectId", project.toString(), "orgUnit", orgUnit, "signingDate", signingDate.toString(),
                "confirmedAt", at(signingDate.plusDays(2)).toString()));
    }

    public static Event terminated(UUID project, String orgUnit, String fromStage, LocalDate on) {
        return event(EventTypes.PROJECT_TERMINATED, project.toString(), orgpath(orgUnit), Map.of(
                "projectId", project.toString(), "orgUnit", orgUnit, "fromStage", fromStage,
                "terminatedOn", on.toString(), "terminatedAt", at(on).toString()));
    }

    public static Event transferred(UUID project, String from, String to, String stage, LocalDate on) {
        return event(EventTypes.PROJECT_TRANSFERRED, project.toString(), orgpath(to), Map.of(
                "projectId", project.toString(), "orgUnit", to, "fromOrgUnit", from, "toOrgUnit", to,
                "stage", stage, "transferredAt", at(on).toString()));
    }

    public static Event amended(UUID project, String orgUnit, int version, String before, String after, boolean manufacturing,
            LocalDate on) {
        String industry = manufacturing ? "C3841" : "F5123";
        Map<String, Object> beforeTerms = new LinkedHashMap<>();
        beforeTerms.put("contractAmount", before);
        beforeTerms.put("fdiContractUsd", null);
        beforeTerms.put("industryCode", industry);
        beforeTerms.put("manufacturing", manufacturing);
        Map<String, Object> afterTerms = new LinkedHashMap<>(beforeTerms);
        afterTerms.put("contractAmount", after);
        return event(EventTypes.PROJECT_AMENDED, project.toString(), orgpath(orgUnit), Map.of(
                "projectId", project.toString(), "orgUnit", orgUnit, "version", version, "reason", "补充协议",
                "before", beforeTerms, "after", afterTerms, "amendedAt", at(on).toString()));
    }

    /** A correction of a project's channel, team and investor classes (details-changed), at the project's {@code version}. */
    public static Event detailsChanged(UUID project, String orgUnit, long version, List<String> changed, String channel, UUID team,
            List<String> classes, LocalDate on) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", project.toString());
        data.put("orgUnit", orgUnit);
        data.put("version", version);
        data.put("changed", changed);
        data.put("name", "测试项目 " + project);
        data.put("investorEnterpriseId", null);
        data.put("investorClasses", classes(classes));
        data.put("channel", channel);
        data.put("residentTeamId", team == null ? null : team.toString());
        data.put("sourceKeyArea", null);
        data.put("industryChainTags", List.of());
        data.put("plannedStartDate", null);
        data.put("changedAt", at(on).toString());
        return event(EventTypes.PROJECT_DETAILS_CHANGED, project.toString(), orgpath(orgUnit), data);
    }

    /** A project marked a key project (重点项目) or no longer one, at the project's {@code version}. */
    public static Event keyProjectChanged(UUID project, String orgUnit, long version, boolean key, String leaderUnit, LocalDate on) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", project.toString());
        data.put("orgUnit", orgUnit);
        data.put("version", version);
        data.put("keyProject", key);
        data.put("leaderUnit", leaderUnit);
        data.put("changedAt", at(on).toString());
        return event(EventTypes.PROJECT_KEY_PROJECT_CHANGED, project.toString(), orgpath(orgUnit), data);
    }

    public static Event fundsReported(UUID project, String orgUnit, String month, String amount) {
        return event(EventTypes.PROJECT_FUNDS_REPORTED, project.toString(), orgpath(orgUnit), Map.of(
                "projectId", project.toString(), "orgUnit", orgUnit, "month", month, "version", 1, "amount", amount,
                "evidenceType", "BANK_VOUCHER", "reportedAt", at(LocalDate.parse(month + "-28")).toString()));
    }

    public static Event fundsCorrected(UUID project, String orgUnit, String month, int version, String amount,
            String previous) {
        return event(EventTypes.PROJECT_FUNDS_CORRECTED, project.toString(), orgpath(orgUnit), Map.of(
                "projectId", project.toString(), "orgUnit", orgUnit, "month", month, "version", version,
                "amount", amount, "previousAmount", previous, "evidenceType", "BANK_VOUCHER",
                "reportedAt", at(LocalDate.parse(month + "-28").plusDays(5)).toString()));
    }

    public static Event targetSet(String orgUnit, int year, Map<String, String> after) {
        return event(EventTypes.TARGETS_TARGET_SET, UUID.nameUUIDFromBytes(orgUnit.getBytes()).toString(), orgpath(orgUnit),
                Map.of("unitId", UUID.nameUUIDFromBytes(orgUnit.getBytes()).toString(), "orgUnit", orgUnit, "year", year,
                        "before", Map.of(), "after", after, "setBy", "450000", "setAt", Instant.now().toString()));
    }

    public static Event teamDefined(UUID team, String orgUnit, String name, String keyArea, Map<String, String> targets) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("teamId", team.toString());
        data.put("orgUnit", orgUnit);
        data.put("leadDepartment", null);
        data.put("name", name);
        data.put("keyArea", keyArea);
        data.put("memberCount", 5);
        data.put("activeFrom", "2021-01-01");
        data.put("activeUntil", null);
        data.put("closed", false);
        data.put("contractTargets", targets);
        data.put("change", "DEFINED");
        return event(EventTypes.TARGETS_TEAM_DEFINED, team.toString(), orgpath(orgUnit), data);
    }

    /** A docking, visit or leader trip of one enterprise. */
    public static Event engagement(String kind, String orgUnit, UUID team, LocalDate on, UUID enterprise, String outcome,
            String intentAmount, String leaderRole, String leaderUnit, String destination) {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("engagementId", id.toString());
        data.put("kind", kind);
        data.put("orgUnit", orgUnit);
        data.put("team", team == null ? null : team.toString());
        data.put("occurredOn", on.toString());
        data.put("enterpriseIds", List.of(enterprise.toString()));
        data.put("outcome", outcome);
        data.put("intentAmount", intentAmount);
        data.put("intentIndustryCode", intentAmount == null ? null : "C38");
        data.put("leaderRole", leaderRole);
        data.put("leaderUnit", leaderUnit);
        data.put("destinationArea", destination);
        data.put("recordedAt", at(on).toString());
        return event(EventTypes.ENGAGEMENT_RECORDED, id.toString(), "450000", data);
    }
}
