package cn.gov.zhaoshang.project.library.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.project.InvestorClass;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.References;
import cn.gov.zhaoshang.platform.versioning.IfMatch;
import cn.gov.zhaoshang.project.investor.application.InvestorClasses;
import cn.gov.zhaoshang.project.library.infrastructure.InvestorContactRepository;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.model.Channel;
import cn.gov.zhaoshang.project.library.model.InvestorContact;
import cn.gov.zhaoshang.project.library.model.MissingRequirementsException;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectDetails;
import cn.gov.zhaoshang.project.library.model.ProjectNames;
import cn.gov.zhaoshang.project.library.model.ProjectRuleException;
import cn.gov.zhaoshang.project.library.model.SourceKeyArea;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of a project's descriptive fields (a wrong name, planned start, channel, investor…),
 * made against the version the caller read ({@code If-Match}), audited with before and after and
 * published as {@code details-changed}. A corrected investor gets its classes as of the signing
 * date again, as at signing. Contract terms are not corrected here: they are amended, with a reason.
 */
@Service
public class ProjectCorrections {

    private final ProjectRepository projects;
    private final InvestorContactRepository contacts;
    private final InvestorClasses investorClasses;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final References references;
    private final Clock clock;

    public ProjectCorrections(ProjectRepository projects, InvestorContactRepository contacts, InvestorClasses investorClasses,
            EventPublisher events, AuditTrail audit, References references, Clock clock) {
        this.projects = projects;
        this.contacts = contacts;
        this.investorClasses = investorClasses;
        this.events = events;
        this.audit = audit;
        this.references = references;
        this.clock = clock;
    }

    /**
     * The fields a correction names, each given in {@code present} by its API name; a field present
     * with {@code null} is cleared (the name cannot be).
     */
    public record Correction(Set<String> present, String name, String siteAddress, LocalDate plannedStartDate,
            List<String> industryChainTags, Channel channel, UUID residentTeamId, SourceKeyArea sourceKeyArea,
            UUID investorEnterpriseId, InvestorContact investorContact) {

        public Correction {
            present = Set.copyOf(present);
        }

        <T> T orKeep(String field, T corrected, T current) {
            return present.contains(field) ? corrected : current;
        }
    }

    /**
     * @throws NotFoundException when the project does not exist or is outside the scope (404)
     * @throws cn.gov.zhaoshang.platform.errors.PreconditionFailedException when it changed since the version in {@code If-Match} (412)
     * @throws ConflictException when it waits in duplicate review (409)
     */
    @Transactional
    public Project correct(UUID projectId, IfMatch ifMatch, Correction correction, OrgScope scope) {
        Project before = projects.lockInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        ifMatch.check(before.version());
        ProjectDetails was = before.details();
        Channel channel = correction.orKeep("channel", correction.channel(), was.channel());
        UUID team = correction.orKeep("residentTeamId", correction.residentTeamId(), was.residentTeamId());
        if (channel == Channel.RESIDENT_TEAM && team != null && !team.equals(was.residentTeamId())) {
            references.residentTeamFor("residentTeamId", team, references.knownOrgUnit("orgUnit", before.orgUnit()), scope);
        }
        // An investor merged away in the registry is recorded as its survivor, as at registration.
        UUID investor = correction.present().contains("investorEnterpriseId")
                ? investorClasses.current(correction.investorEnterpriseId()) : was.investorEnterpriseId();
        ProjectDetails details = new ProjectDetails(was.projectCode(), investor,
                correction.orKeep("industryChainTags", correction.industryChainTags(), was.industryChainTags()),
                correction.orKeep("sourceKeyArea", correction.sourceKeyArea(), was.sourceKeyArea()),
                channel,
                team,
                was.fdiContractUsd(), was.reinvestment(),
                correction.orKeep("plannedStartDate", correction.plannedStartDate(), was.plannedStartDate()),
                correction.orKeep("siteAddress", correction.siteAddress(), was.siteAddress()));
        List<InvestorClass> classes = Objects.equals(investor, was.investorEnterpriseId()) ? before.investorClasses()
                : investorClasses.on(investor, before.signingDate());
        InvestorContact contactBefore = contacts.of(List.of(projectId)).getOrDefault(projectId, new InvestorContact(null, null));
        InvestorContact contactAfter = correction.present().contains("investorContact")
                ? (correction.investorContact() == null ? new InvestorContact(null, null) : correction.investorContact())
                : contactBefore;
        Project.Corrected corrected;
        try {
            corrected = before.correct(correction.orKeep("name", correction.name(), before.name()).strip(), details, classes,
                    !contactAfter.equals(contactBefore), clock.instant());
        } catch (ProjectRuleException refused) {
            throw new ConflictException(refused.getMessage(), Map.of("reviewStatus", before.review().name()));
        } catch (MissingRequirementsException broken) {
            throw ProjectLifecycle.asValidationFailure(broken);
        }
        if (!corrected.changedAnything()) {
            return before;
        }
        Project after = corrected.project();
        projects.updateDetails(after, ProjectNames.normalize(after.name()));
        if (corrected.changed().contains("investorContact")) {
            contacts.replace(projectId, contactAfter);
        }
        audit.record(scope.caller(), "project", projectId.toString(), "details-corrected",
                fields(before, corrected.changed()), fields(after, corrected.changed()));
        events.publish(EventTypes.PROJECT_DETAILS_CHANGED, projectId.toString(), after.orgUnit(), corrected.event());
        return after;
    }

    /**
     * Erasure of the investor's contact on request (个人信息删除, PIPL): name and phone are gone, the
     * project stays. Audited without personal data; erasing a project without a contact changes
     * nothing and is not audited.
     *
     * @throws NotFoundException when the project does not exist or is outside the scope (404)
     */
    @Transactional
    public void eraseContact(UUID projectId, OrgScope scope) {
        projects.lockInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        if (contacts.erase(projectId)) {
            audit.record(scope.caller(), "project", projectId.toString(), "investor-contact-erased", null,
                    Map.of("basis", "erasure on request (PIPL)"));
        }
    }

    // The changed fields as audited; the contact is personal data and audit rows hold none of it.
    private static Map<String, Object> fields(Project project, List<String> changed) {
        ProjectDetails details = project.details();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : changed) {
            fields.put(field, switch (field) {
                case "name" -> project.name();
                case "siteAddress" -> details.siteAddress();
                case "plannedStartDate" -> details.plannedStartDate() == null ? null : details.plannedStartDate().toString();
                case "industryChainTags" -> details.industryChainTags();
                case "channel" -> details.channel() == null ? null : details.channel().name();
                case "residentTeamId" -> details.residentTeamId() == null ? null : details.residentTeamId().toString();
                case "sourceKeyArea" -> details.sourceKeyArea() == null ? null : details.sourceKeyArea().name();
                case "investorEnterpriseId" -> details.investorEnterpriseId() == null ? null : details.investorEnterpriseId().toString();
                case "investorContact" -> "(personal data, not audited)";
                default -> throw new IllegalArgumentException(field);
            });
        }
        if (changed.contains("investorEnterpriseId")) {
            fields.put("investorClasses", project.investorClasses());
        }
        fields.put("version", project.version());
        return fields;
    }
}
