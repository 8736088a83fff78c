package cn.gov.zhaoshang.contracts;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudEvents {@code type} values of the platform, {@code cn.gov.zhaoshang.<service>.<event>.v<n>}.
 *
 * <p>Each type has a JSON Schema for its {@code data} (see {@link EventSchemaValidator}) and is listed
 * in {@code contracts/asyncapi.yaml}. A new type gets its schema first, then its constant here.
 */
public final class EventTypes {

    /** A project was registered; data: {@link cn.gov.zhaoshang.contracts.project.ProjectRegistered}. */
    public static final String PROJECT_REGISTERED = "cn.gov.zhaoshang.project.registered.v1";

    /** An org unit was added to the tree; data: {@link cn.gov.zhaoshang.contracts.targets.OrgUnitChanged}. */
    public static final String TARGETS_ORG_UNIT_DEFINED = "cn.gov.zhaoshang.targets.org-unit-defined.v1";

    /** An org unit was renamed, moved or recoded; data: {@link cn.gov.zhaoshang.contracts.targets.OrgUnitChanged}. */
    public static final String TARGETS_ORG_UNIT_CHANGED = "cn.gov.zhaoshang.targets.org-unit-changed.v1";

    /** A unit's confirmed annual targets were set or changed; data: {@link cn.gov.zhaoshang.contracts.targets.TargetSet}. */
    public static final String TARGETS_TARGET_SET = "cn.gov.zhaoshang.targets.target-set.v1";

    /** A metric definition version was published; data: {@link cn.gov.zhaoshang.contracts.targets.DefinitionPublished}. */
    public static final String TARGETS_DEFINITION_PUBLISHED = "cn.gov.zhaoshang.targets.definition-published.v1";

    /** A resident team was created; data: {@link cn.gov.zhaoshang.contracts.targets.TeamChanged}. */
    public static final String TARGETS_TEAM_DEFINED = "cn.gov.zhaoshang.targets.team-defined.v1";

    /** A resident team was changed, given a target or closed; data: {@link cn.gov.zhaoshang.contracts.targets.TeamChanged}. */
    public static final String TARGETS_TEAM_CHANGED = "cn.gov.zhaoshang.targets.team-changed.v1";

    /** An enterprise entered the registry; data: {@link cn.gov.zhaoshang.contracts.enterprise.EnterpriseRegistered}. */
    public static final String ENTERPRISE_REGISTERED = "cn.gov.zhaoshang.enterprise.registered.v1";

    /** A list membership was added or removed; data: {@link cn.gov.zhaoshang.contracts.enterprise.EnterpriseClassified}. */
    public static final String ENTERPRISE_CLASSIFIED = "cn.gov.zhaoshang.enterprise.classified.v1";

    /** A docking, visit, leader-led trip or promotion event was recorded; data: {@link cn.gov.zhaoshang.contracts.enterprise.EngagementRecorded}. */
    public static final String ENGAGEMENT_RECORDED = "cn.gov.zhaoshang.enterprise.engagement-recorded.v1";

    /** An enterprise of the registry was changed; data: {@link cn.gov.zhaoshang.contracts.enterprise.EnterpriseChanged}. */
    public static final String ENTERPRISE_CHANGED = "cn.gov.zhaoshang.enterprise.changed.v1";

    /** A duplicate record was merged into another; data: {@link cn.gov.zhaoshang.contracts.enterprise.EnterpriseMerged}. */
    public static final String ENTERPRISE_MERGED = "cn.gov.zhaoshang.enterprise.merged.v1";

    /** A project moved to another stage (not TERMINATED); data: {@link cn.gov.zhaoshang.contracts.project.ProjectStageChanged}. */
    public static final String PROJECT_STAGE_CHANGED = "cn.gov.zhaoshang.project.stage-changed.v1";

    /** A project was terminated (退库); data: {@link cn.gov.zhaoshang.contracts.project.ProjectTerminated}. */
    public static final String PROJECT_TERMINATED = "cn.gov.zhaoshang.project.terminated.v1";

    /** A month's funds in place were first reported; data: {@link cn.gov.zhaoshang.contracts.project.FundsReported}. */
    public static final String PROJECT_FUNDS_REPORTED = "cn.gov.zhaoshang.project.funds-reported.v1";

    /** A month's funds in place were corrected by a new version; data: {@link cn.gov.zhaoshang.contracts.project.FundsCorrected}. */
    public static final String PROJECT_FUNDS_CORRECTED = "cn.gov.zhaoshang.project.funds-corrected.v1";

    /** A project moved to another landing unit; data: {@link cn.gov.zhaoshang.contracts.project.ProjectTransferred}. */
    public static final String PROJECT_TRANSFERRED = "cn.gov.zhaoshang.project.transferred.v1";

    /** A leader confirmed a SIGNED-pending signing; data: {@link cn.gov.zhaoshang.contracts.project.SigningConfirmed}. */
    public static final String PROJECT_SIGNING_CONFIRMED = "cn.gov.zhaoshang.project.signing-confirmed.v1";

    /** The amount or industry of a signed project was amended; data: {@link cn.gov.zhaoshang.contracts.project.ProjectAmended}. */
    public static final String PROJECT_AMENDED = "cn.gov.zhaoshang.project.amended.v1";

    /** A project's descriptive fields were corrected; data: {@link cn.gov.zhaoshang.contracts.project.ProjectDetailsChanged}. */
    public static final String PROJECT_DETAILS_CHANGED = "cn.gov.zhaoshang.project.details-changed.v1";

    /** A project was marked a key project, or no longer is one; data: {@link cn.gov.zhaoshang.contracts.project.KeyProjectChanged}. */
    public static final String PROJECT_KEY_PROJECT_CHANGED = "cn.gov.zhaoshang.project.key-project-changed.v1";

    /** A project warning was raised; data: {@link cn.gov.zhaoshang.contracts.project.ProjectWarningRaised}. */
    public static final String PROJECT_WARNING_RAISED = "cn.gov.zhaoshang.project.warning-raised.v1";

    /** A project warning no longer holds; data: {@link cn.gov.zhaoshang.contracts.project.ProjectWarningCleared}. */
    public static final String PROJECT_WARNING_CLEARED = "cn.gov.zhaoshang.project.warning-cleared.v1";

    /** A problem was entered in a signed project's problem log (问题台账); data: {@link cn.gov.zhaoshang.contracts.project.ProblemLogged}. */
    public static final String PROJECT_PROBLEM_LOGGED = "cn.gov.zhaoshang.project.problem-logged.v1";

    /** A problem of the problem log was changed, solved or reopened; data: {@link cn.gov.zhaoshang.contracts.project.ProblemChanged}. */
    public static final String PROJECT_PROBLEM_CHANGED = "cn.gov.zhaoshang.project.problem-changed.v1";

    /** A unit closed a month and its report was frozen; data: {@link cn.gov.zhaoshang.contracts.report.ReportPublished}. */
    public static final String REPORT_PUBLISHED = "cn.gov.zhaoshang.report.published.v1";

    /** Every event type above. */
    public static final List<String> ALL = List.of(PROJECT_REGISTERED,
            TARGETS_ORG_UNIT_DEFINED, TARGETS_ORG_UNIT_CHANGED, TARGETS_TARGET_SET,
            TARGETS_DEFINITION_PUBLISHED, TARGETS_TEAM_DEFINED, TARGETS_TEAM_CHANGED,
            ENTERPRISE_REGISTERED, ENTERPRISE_CLASSIFIED, ENGAGEMENT_RECORDED, ENTERPRISE_CHANGED, ENTERPRISE_MERGED,
            PROJECT_STAGE_CHANGED, PROJECT_TERMINATED, PROJECT_FUNDS_REPORTED, PROJECT_FUNDS_CORRECTED,
            PROJECT_TRANSFERRED, PROJECT_SIGNING_CONFIRMED, PROJECT_AMENDED, PROJECT_DETAILS_CHANGED, PROJECT_KEY_PROJECT_CHANGED,
            PROJECT_WARNING_RAISED, PROJECT_WARNING_CLEARED, PROJECT_PROBLEM_LOGGED, PROJECT_PROBLEM_CHANGED, REPORT_PUBLISHED);

    // Same pattern as the envelope schema's "type" (contracts/schemas/cloudevent.v1.json).
    private static final Pattern EVENT_TYPE =
            Pattern.compile("cn\\.gov\\.zhaoshang\\.([a-z]+)\\.[a-z-]+\\.v[0-9]+");

    private static final Map<String, String> TOPIC_BY_SERVICE = Map.of(
            "project", Topics.PROJECT,
            "enterprise", Topics.ENTERPRISE,
            "targets", Topics.TARGETS,
            "report", Topics.REPORT);

    private EventTypes() {
    }

    /**
     * The topic an event type is published on: the topic of its owning service, the
     * {@code <service>} segment of the type.
     *
     * @throws IllegalArgumentException if the type does not have the platform's form or names an
     *     unknown service
     */
    public static String topicOf(String eventType) {
        Objects.requireNonNull(eventType, "eventType");
        Matcher matcher = EVENT_TYPE.matcher(eventType);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "Not a platform event type (cn.gov.zhaoshang.<service>.<event>.v<n>): " + eventType);
        }
        String service = matcher.group(1);
        String topic = TOPIC_BY_SERVICE.get(service);
        if (topic == null) {
            throw new IllegalArgumentException(
                    "Unknown service '" + service + "' in event type " + eventType);
        }
        return topic;
    }
}
