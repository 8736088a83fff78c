package cn.gov.zhaoshang.project.duplicates.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.application.DuplicateCheck;
import cn.gov.zhaoshang.project.library.application.ProjectRegistration;
import cn.gov.zhaoshang.project.library.application.ProjectRegistration.DuplicateQuestion;
import cn.gov.zhaoshang.project.library.application.ProjectViews;
import cn.gov.zhaoshang.project.library.model.PossibleDuplicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration form's check before it submits: would these facts be pooled, and against what?
 * It answers as registration's 201 does (the other project and the rule only within the caller's
 * scope), within the caller's per-user budget, and every question is audited.
 */
@Service
public class DuplicateQuestions {

    private final ProjectRegistration registration;
    private final ProjectViews views;
    private final DuplicateProbeLimit limit;
    private final AuditTrail audit;

    public DuplicateQuestions(ProjectRegistration registration, ProjectViews views, DuplicateProbeLimit limit, AuditTrail audit) {
        this.registration = registration;
        this.views = views;
        this.limit = limit;
        this.audit = audit;
    }

    /** @return the possible duplicate as the caller may be told it, or empty when no rule hits */
    @Transactional
    public Optional<PossibleDuplicate> ask(DuplicateQuestion question, OrgScope scope) {
        limit.take(scope.caller());
        Optional<DuplicateCheck.Hit> hit = registration.wouldDuplicate(question, scope);
        Optional<PossibleDuplicate> answer = hit.map(found -> views.disclosed(found, scope));
        // What was asked and what was told (the rule even when the caller was not told it): enough
        // for an auditor to see a caller probing other units' codes or phones.
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", question.name());
        entry.put("projectCode", question.projectCode());
        entry.put("investorEnterpriseId", question.investorEnterpriseId());
        entry.put("contactPhoneGiven", question.contactPhone() != null);
        entry.put("siteAddressGiven", question.siteAddress() != null);
        entry.put("possibleDuplicate", answer.isPresent());
        entry.put("disclosed", answer.map(PossibleDuplicate::disclosed).orElse(false));
        entry.put("rule", hit.map(DuplicateCheck.Hit::rule).orElse(null));
        audit.record(scope.caller(), "project-duplicate-check", question.orgUnit(), "duplicate-checked", null, entry);
        return answer;
    }
}
