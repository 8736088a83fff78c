package cn.gov.zhaoshang.reporting.projects.infrastructure;

import cn.gov.zhaoshang.reporting.projects.model.Project;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.project.FundsCorrected;
import cn.gov.zhaoshang.contracts.project.FundsReported;
import cn.gov.zhaoshang.contracts.project.InvestorClass;
import cn.gov.zhaoshang.contracts.project.KeyProjectChanged;
import cn.gov.zhaoshang.contracts.project.ProjectAmended;
import cn.gov.zhaoshang.contracts.project.ProjectDetailsChanged;
import cn.gov.zhaoshang.contracts.project.ProjectRegistered;
import cn.gov.zhaoshang.contracts.project.ProjectStageChanged;
import cn.gov.zhaoshang.contracts.project.ProjectTerminated;
import cn.gov.zhaoshang.contracts.project.ProjectTransferred;
import cn.gov.zhaoshang.contracts.project.SigningConfirmed;
import cn.gov.zhaoshang.reporting.orgunits.infrastructure.LocalOrgUnits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read model of projects: one row per project, as the events describe it, and the aggregates
 * per (unit, month) built from those rows. Every change takes the project's contribution to the
 * aggregates out as it was, changes the row, and puts the new contribution in, so the aggregates
 * always equal the sum over the rows (the reconcile command checks it). Called inside the
 * idempotent consumer's transaction.
 */
@Component
public class ProjectFacts {

    /** Business dates of timestamps are those of the region's time zone. */
    static final ZoneId REGION_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Set<String> LANDED_OR_BEYOND = Set.of("LANDED", "STARTED", "COMPLETED", "PRODUCING");
    private static final Set<String> STARTED_OR_BEYOND = Set.of("STARTED", "COMPLETED", "PRODUCING");

    private final JdbcClient jdbc;
    private final LocalOrgUnits orgUnits;
    private final Aggregates aggregates;

    public ProjectFacts(JdbcClient jdbc, LocalOrgUnits orgUnits, Aggregates aggregates) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.aggregates = aggregates;
    }

    /**
     * @throws UnknownOrgUnitException when the local org tree does not know the project's unit yet;
     *         the event is retried and then dead-lettered, to be re-driven once the tree has it
     */
    public void register(ProjectRegistered event) {
        String unit = orgUnits.resolve(event.orgUnit()).orElseThrow(() -> new UnknownOrgUnitException(event.orgUnit()));
        String stage = event.stage();
        LocalDate reachedOn = event.stageReachedOn() != null ? event.stageReachedOn()
                : "SIGNED".equals(stage) ? event.signingDate() : null;
        Project project = new Project(event.projectId(), unit, stage, amount(event.contractAmount()), event.signingDate(),
                event.signingConfirmed(), event.manufacturing(), event.registeredAt().atZone(REGION_ZONE).toLocalDate(),
                // each stage counts from its own date; events published before stage dates were
                // recorded have none, and count from the date the registered stage was reached
                LANDED_OR_BEYOND.contains(stage) ? firstOf(event.landingDate(), reachedOn) : null,
                STARTED_OR_BEYOND.contains(stage) ? firstOf(event.startDate(), reachedOn) : null,
                event.channel(), event.residentTeamId(), classes(event.investorClasses()), amount(event.fdiContractUsd()), 1);
        int inserted = jdbc.sql("""
                INSERT INTO project_fact (project_id, name, org_unit_code, stage, contract_amount, signing_date,
                                          industry_code, manufacturing, registered_at, signing_confirmed, registered_on,
                                          landed_on, started_on, channel, resident_team_id, source_key_area,
                                          investor_classes, fdi_contract_usd, terms_version)
                VALUES (:id, :name, :orgUnit, :stage, :amount, :signingDate, :industryCode, :manufacturing, :registeredAt,
                        :confirmed, :registeredOn, :landedOn, :startedOn, :channel, :team, :keyArea,
                        CAST(:classes AS text[]), :fdi, 1)
                ON CONFLICT (project_id) DO NOTHING""")
                .param("id", project.id()).param("name", event.name()).param("orgUnit", unit).param("stage", stage)
                .param("amount", project.contractAmount()).param("signingDate", project.signingDate())
                .param("industryCode", event.industryCode()).param("manufacturing", event.manufacturing())
                .param("registeredAt", java.sql.Timestamp.from(event.registeredAt()))
                .param("confirmed", project.signingConfirmed()).param("registeredOn", project.registeredOn())
                .param("landedOn", project.landedOn()).param("startedOn", project.startedOn())
                .param("channel", project.channel()).param("team", project.residentTeamId())
                .param("keyArea", event.sourceKeyArea()).param("classes", textArray(project.investorClasses()))
                .param("fdi", project.fdiContractUsd())
                .update();
        if (inserted == 0) {
            // registered before (a second registration event of the project): it counts once, as it is
            return;
        }
        aggregates.addRegistered(project);
    }

    public void stageChanged(ProjectStageChanged event) {
        change(event.projectId(), before -> {
            String to = event.toStage();
            boolean signing = "SIGNED".equals(to);
            LocalDate landedOn = before.landedOn() == null && LANDED_OR_BEYOND.contains(to) ? event.movedOn() : before.landedOn();
            LocalDate startedOn = before.startedOn() == null && STARTED_OR_BEYOND.contains(to) ? event.movedOn() : before.startedOn();
            return new Project(before.id(), before.orgUnit(), to,
                    event.contractAmount() != null ? amount(event.contractAmount()) : before.contractAmount(),
                    event.signingDate() != null ? event.signingDate() : before.signingDate(),
                    signing ? !Boolean.FALSE.equals(event.signingConfirmed()) : before.signingConfirmed(),
                    before.manufacturing(), before.registeredOn(), landedOn, startedOn, before.channel(),
                    before.residentTeamId(),
                    signing && event.investorClasses() != null ? classes(event.investorClasses()) : before.investorClasses(),
                    before.fdiContractUsd(), before.termsVersion());
        });
    }

    public void signingConfirmed(SigningConfirmed event) {
        change(event.projectId(), before -> before.withSigning(event.signingDate(), true));
    }

    public void amended(ProjectAmended event) {
        change(event.projectId(), before -> {
            if (event.version() <= before.termsVersion()) {
                return before;
            }
            ProjectAmended.Terms after = event.after();
            return new Project(before.id(), before.orgUnit(), before.stage(), amount(after.contractAmount()),
                    before.signingDate(), before.signingConfirmed(), after.manufacturing(), before.registeredOn(),
                    before.landedOn(), before.startedOn(), before.channel(), before.residentTeamId(),
                    before.investorClasses(), amount(after.fdiContractUsd()), event.version());
        });
        jdbc.sql("UPDATE project_fact SET industry_code = :industry WHERE project_id = :id AND terms_version = :version")
                .param("industry", event.after().industryCode()).param("id", event.projectId())
                .param("version", event.version()).update();
    }

    /**
     * A correction of descriptive fields: the channel and team move the project between the
     * resident-team figures, a corrected investor's classes (as of the signing date) between the
     * class counts. A correction not newer than the last applied changes nothing.
     */
    public void detailsChanged(ProjectDetailsChanged event) {
        long applied = jdbc.sql("SELECT details_version FROM project_fact WHERE project_id = :id")
                .param("id", event.projectId()).query(Long.class).optional()
                .orElseThrow(() -> new UnknownProjectException(event.projectId()));
        if (event.version() <= applied) {
            return;
        }
        change(event.projectId(), before -> before.withDetails(event.channel(), event.residentTeamId(),
                classes(event.investorClasses())));
        jdbc.sql("""
                UPDATE project_fact SET name = :name, source_key_area = :keyArea, details_version = :version
                WHERE project_id = :id""")
                .param("name", event.name()).param("keyArea", event.sourceKeyArea()).param("version", event.version())
                .param("id", event.projectId())
                .update();
    }

    /**
     * A project marked a key project (重点项目) or no longer one: no figure changes, the warnings and the
     * cockpit show it apart. A change not newer than the last applied changes nothing.
     */
    public void keyProjectChanged(KeyProjectChanged event) {
        int updated = jdbc.sql("""
                UPDATE project_fact SET key_project = :key, key_version = :version
                WHERE project_id = :id AND key_version < :version""")
                .param("key", event.keyProject()).param("version", event.version()).param("id", event.projectId())
                .update();
        if (updated == 0 && find(event.projectId()).isEmpty()) {
            throw new UnknownProjectException(event.projectId());
        }
    }

    public void terminated(ProjectTerminated event) {
        change(event.projectId(), before -> before.withStage("TERMINATED"));
    }

    public void transferred(ProjectTransferred event) {
        String unit = orgUnits.resolve(event.toOrgUnit()).orElseThrow(() -> new UnknownOrgUnitException(event.toOrgUnit()));
        change(event.projectId(), before -> before.withOrgUnit(unit));
    }

    public void fundsReported(FundsReported event) {
        funds(event.projectId(), event.month(), event.version(), event.amount());
    }

    public void fundsCorrected(FundsCorrected event) {
        funds(event.projectId(), event.month(), event.version(), event.amount());
    }

    /** Keeps the latest version of a project's month; an older version arriving late changes nothing. */
    private void funds(UUID projectId, String monthText, int version, String amountText) {
        Project project = find(projectId).orElseThrow(() -> new UnknownProjectException(projectId));
        LocalDate month = YearMonth.parse(monthText).atDay(1);
        BigDecimal amount = new BigDecimal(amountText);
        Optional<BigDecimal[]> existing = jdbc.sql("SELECT version, amount FROM project_funds WHERE project_id = :id AND month = :month")
                .param("id", projectId).param("month", month)
                .query((rs, row) -> new BigDecimal[] {BigDecimal.valueOf(rs.getInt("version")), rs.getBigDecimal("amount")})
                .optional();
        if (existing.isPresent() && existing.get()[0].intValue() >= version) {
            return;
        }
        jdbc.sql("""
                INSERT INTO project_funds (project_id, month, version, amount) VALUES (:id, :month, :version, :amount)
                ON CONFLICT (project_id, month) DO UPDATE SET version = EXCLUDED.version, amount = EXCLUDED.amount""")
                .param("id", projectId).param("month", month).param("version", version).param("amount", amount)
                .update();
        BigDecimal delta = amount.subtract(existing.map(row -> row[1]).orElse(BigDecimal.ZERO));
        aggregates.addFunds(project, month, delta);
    }

    private void change(UUID projectId, java.util.function.UnaryOperator<Project> change) {
        Project before = find(projectId).orElseThrow(() -> new UnknownProjectException(projectId));
        Project after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        aggregates.add(before, -1);
        jdbc.sql("""
                UPDATE project_fact SET org_unit_code = :orgUnit, stage = :stage, contract_amount = :amount,
                       signing_date = :signingDate, signing_confirmed = :confirmed, manufacturing = :manufacturing,
                       landed_on = :landedOn, started_on = :startedOn, investor_classes = CAST(:classes AS text[]),
                       fdi_contract_usd = :fdi, terms_version = :version, channel = :channel, resident_team_id = :team
                WHERE project_id = :id""")
                .param("orgUnit", after.orgUnit()).param("stage", after.stage()).param("amount", after.contractAmount())
                .param("signingDate", after.signingDate()).param("confirmed", after.signingConfirmed())
                .param("manufacturing", after.manufacturing()).param("landedOn", after.landedOn())
                .param("startedOn", after.startedOn()).param("classes", textArray(after.investorClasses()))
                .param("fdi", after.fdiContractUsd()).param("version", after.termsVersion()).param("id", projectId)
                .param("channel", after.channel()).param("team", after.residentTeamId())
                .update();
        aggregates.add(after, +1);
    }

    public Optional<Project> find(UUID projectId) {
        return jdbc.sql("""
                SELECT project_id, org_unit_code, stage, contract_amount, signing_date, signing_confirmed, manufacturing,
                       registered_on, landed_on, started_on, channel, resident_team_id, investor_classes,
                       fdi_contract_usd, terms_version
                FROM project_fact WHERE project_id = :id FOR UPDATE""")
                .param("id", projectId)
                .query(ProjectFacts::project)
                .optional();
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        Array classes = rs.getArray("investor_classes");
        return new Project(rs.getObject("project_id", UUID.class), rs.getString("org_unit_code"), rs.getString("stage"),
                rs.getBigDecimal("contract_amount"), rs.getObject("signing_date", LocalDate.class),
                rs.getBoolean("signing_confirmed"), rs.getBoolean("manufacturing"),
                rs.getObject("registered_on", LocalDate.class), rs.getObject("landed_on", LocalDate.class),
                rs.getObject("started_on", LocalDate.class), rs.getString("channel"),
                rs.getObject("resident_team_id", UUID.class),
                classes == null ? List.of() : Arrays.asList((String[]) classes.getArray()),
                rs.getBigDecimal("fdi_contract_usd"), rs.getInt("terms_version"));
    }

    private static BigDecimal amount(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static LocalDate firstOf(LocalDate given, LocalDate fallback) {
        return given != null ? given : fallback;
    }

    private static List<String> classes(List<InvestorClass> classes) {
        return classes.stream().map(InvestorClass::enterpriseClass).distinct().sorted().toList();
    }

    private static String textArray(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    /** A project's unit is not in the local org tree (yet). */
    public static class UnknownOrgUnitException extends RuntimeException {
        public UnknownOrgUnitException(String code) {
            super("org unit " + code + " is not in the local org-unit tree");
        }
    }

    /** An event about a project whose registration reporting has not applied (yet). */
    public static class UnknownProjectException extends RuntimeException {
        public UnknownProjectException(UUID projectId) {
            super("project " + projectId + " has no registration in the read model");
        }
    }
}
