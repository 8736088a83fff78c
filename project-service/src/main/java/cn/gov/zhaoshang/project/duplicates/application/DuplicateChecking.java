package cn.gov.zhaoshang.project.duplicates.application;

import java.util.Collection;
import java.util.Optional;

import cn.gov.zhaoshang.project.duplicates.infrastructure.DuplicateCheckLocks;
import cn.gov.zhaoshang.project.duplicates.model.DuplicateKeys;
import cn.gov.zhaoshang.project.library.application.DuplicateCheck;
import org.springframework.stereotype.Service;

/** The duplicate rules and their locks, as registration asks for them. */
@Service
public class DuplicateChecking implements DuplicateCheck {

    private final DuplicateRules rules;
    private final DuplicateCheckLocks locks;

    public DuplicateChecking(DuplicateRules rules, DuplicateCheckLocks locks) {
        this.rules = rules;
        this.locks = locks;
    }

    @Override
    public void lockForCheck(Candidate candidate) {
        locks.lockForCheck(candidate.cityCode(), keys(candidate).lockKeys());
    }

    @Override
    public Optional<Hit> weakerHit(Candidate candidate) {
        return rules.weakerHit(keys(candidate)).map(hit -> new Hit(hit.duplicateOf(), hit.rule().name()));
    }

    @Override
    public void lockCitiesExclusively(Collection<String> cityCodes) {
        locks.lockCitiesExclusively(cityCodes);
    }

    private static DuplicateKeys keys(Candidate candidate) {
        return new DuplicateKeys(candidate.projectId(), candidate.cityCode(), candidate.projectCode(), candidate.normalizedName(),
                candidate.investorEnterpriseId(), candidate.industryCode(), candidate.contractAmount(), candidate.contactPhone(),
                candidate.siteAddress());
    }
}
