package cn.gov.zhaoshang.project.duplicates.application;

import java.util.Optional;

import cn.gov.zhaoshang.project.duplicates.infrastructure.DuplicateCandidateRepository;
import cn.gov.zhaoshang.project.duplicates.model.DuplicateHit;
import cn.gov.zhaoshang.project.duplicates.model.DuplicateKeys;
import cn.gov.zhaoshang.project.duplicates.model.DuplicateRule;
import cn.gov.zhaoshang.project.duplicates.model.NameSimilarity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs duplicate rules L2 to L4, from strong to weak, for a project being registered (through the
 * API or an import) that L1 did not hit; the first hit wins. The caller holds the project's
 * duplicate-check locks ({@code DuplicateCheckLocks}), so two registrations of one project at once
 * cannot both miss each other.
 */
@Service
public class DuplicateRules {

    private final DuplicateCandidateRepository candidates;

    public DuplicateRules(DuplicateCandidateRepository candidates) {
        this.candidates = candidates;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<DuplicateHit> weakerHit(DuplicateKeys keys) {
        if (keys.cityCode() == null) {
            return Optional.empty();
        }
        Optional<DuplicateHit> hit = Optional.empty();
        if (keys.investorEnterpriseId() != null && keys.normalizedName() != null) {
            hit = candidates.sameInvestor(keys).stream()
                    .filter(other -> NameSimilarity.atLeast(keys.normalizedName(), other.normalizedName(),
                            DuplicateRule.L2_SIMILARITY_PERCENT))
                    .findFirst()
                    .map(other -> new DuplicateHit(other.id(), DuplicateRule.L2));
        }
        if (hit.isEmpty() && keys.investorEnterpriseId() != null && keys.contractAmount() != null) {
            hit = candidates.sameInvestorIndustryAndAmount(keys, DuplicateRule.L3_AMOUNT_PERCENT)
                    .map(id -> new DuplicateHit(id, DuplicateRule.L3));
        }
        if (hit.isEmpty() && (keys.phoneDigits() != null || keys.siteKey() != null)) {
            hit = candidates.sameContactPhoneOrSite(keys).map(id -> new DuplicateHit(id, DuplicateRule.L4));
        }
        return hit;
    }
}
