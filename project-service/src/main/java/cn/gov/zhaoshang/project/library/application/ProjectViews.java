package cn.gov.zhaoshang.project.library.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.Caller;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.Roles;
import cn.gov.zhaoshang.project.library.infrastructure.InvestorContactRepository;
import cn.gov.zhaoshang.project.library.infrastructure.KeyProjectRepository;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.model.InvestorContact;
import cn.gov.zhaoshang.project.library.model.KeyProject;
import cn.gov.zhaoshang.project.library.model.PossibleDuplicate;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectFilter;
import cn.gov.zhaoshang.project.library.model.ReviewStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects as a caller may see them. The investor's contact is masked as enterprise-service masks
 * contacts, unless the caller has {@code contacts-reader}; then every contact shown in clear is
 * audited (who, when, which project), and the audit row holds no contact data itself.
 */
@Service
public class ProjectViews {

    /** The orders a list of projects can be sorted by. */
    public static final SortOrders SORT_ORDERS = ProjectRepository.SORT_ORDERS;

    private final ProjectRepository projects;
    private final InvestorContactRepository contacts;
    private final KeyProjectRepository keys;
    private final AuditTrail audit;

    public ProjectViews(ProjectRepository projects, InvestorContactRepository contacts, KeyProjectRepository keys, AuditTrail audit) {
        this.projects = projects;
        this.contacts = contacts;
        this.keys = keys;
        this.audit = audit;
    }

    /**
     * A project with its contact as the caller may see it.
     *
     * @param contact {@code null} when the project has none
     * @param contactMasked whether the contact is masked
     * @param possibleDuplicate for a project in the review pool, what it may duplicate as the caller
     *     may be told it; {@code null} for every other project
     * @param key whether it is a key project, and who answers for it
     */
    public record ProjectView(Project project, InvestorContact contact, boolean contactMasked, PossibleDuplicate possibleDuplicate,
            KeyProject key) {
    }

    /** @throws NotFoundException when the project does not exist or is outside the scope */
    @Transactional
    public ProjectView one(UUID id, OrgScope scope) {
        Project project = projects.findInScope(id, scope).orElseThrow(() -> new NotFoundException("project", id));
        return of(List.of(project), scope).getFirst();
    }

    /** The best match first: the order of a search by name or code when no other is asked for. */
    public static final SortOrders.Order RELEVANCE = ProjectRepository.RELEVANCE;

    /** One page of the projects in scope that match the filter, in the given order, and how many match. */
    public record Page(List<ProjectView> items, long total) {
    }

    /** One page of the projects in scope that match the filter, in the given order, and how many match. */
    @Transactional
    public Page page(OrgScope scope, ProjectFilter filter, SortOrders.Order sort, int page, int size) {
        ProjectRepository.Matching matching = projects.matching(scope, filter, sort, page, size);
        return new Page(of(matching.page(), scope), matching.total());
    }

    /** The views of projects already known to be in the caller's scope, in the same order. */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<ProjectView> of(List<Project> found, OrgScope scope) {
        Caller caller = scope.caller();
        Map<UUID, InvestorContact> known = contacts.of(found.stream().map(Project::id).toList());
        Map<UUID, PossibleDuplicate> pooled = projects.possibleDuplicates(
                found.stream().filter(project -> project.review() == ReviewStatus.PENDING).map(Project::id).toList(), scope);
        Map<UUID, KeyProject> keyProjects = keys.of(found.stream().map(Project::id).toList());
        boolean clear = caller.hasRole(Roles.CONTACTS_READER);
        return found.stream().map(project -> {
            InvestorContact contact = known.get(project.id());
            PossibleDuplicate duplicate = pooled.get(project.id());
            KeyProject key = keyProjects.getOrDefault(project.id(), KeyProject.NONE);
            if (contact == null) {
                return new ProjectView(project, null, !clear, duplicate, key);
            }
            if (!clear) {
                return new ProjectView(project, contact.masked(), true, duplicate, key);
            }
            audit.record(caller, "project", project.id().toString(), "read-contact-unmasked", null, null);
            return new ProjectView(project, contact, false, duplicate, key);
        }).toList();
    }

    /** For a pooled project: what it may duplicate, as the caller may be told it; {@code null} when it is not pooled. */
    @Transactional(readOnly = true)
    public PossibleDuplicate possibleDuplicate(UUID projectId, OrgScope scope) {
        return projects.possibleDuplicates(List.of(projectId), scope).get(projectId);
    }

    /** A duplicate hit as the caller may be told it: the other project and the rule only when it is in their scope. */
    @Transactional(readOnly = true)
    public PossibleDuplicate disclosed(DuplicateCheck.Hit hit, OrgScope scope) {
        return PossibleDuplicate.disclosed(hit.duplicateOf(), hit.rule(), projects.existsInScope(hit.duplicateOf(), scope));
    }
}
