package cn.gov.zhaoshang.project.investor.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.project.InvestorClass;
import cn.gov.zhaoshang.project.investor.infrastructure.EnterpriseCopyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The glossary's rule, applied to the local copy of enterprise events: a project counts for a class
 * when its investor, or the investor's parent group, holds a membership of that class valid on the
 * signing date.
 */
@Service
public class InvestorClasses {

    private final EnterpriseCopyRepository copy;

    public InvestorClasses(EnterpriseCopyRepository copy) {
        this.copy = copy;
    }

    /** The classes of {@code investor} on {@code signingDate}; empty without an investor or when none is known. */
    @Transactional(readOnly = true)
    public List<InvestorClass> on(UUID investor, LocalDate signingDate) {
        if (investor == null || signingDate == null) {
            return List.of();
        }
        return copy.classesOn(copy.groupOf(investor), signingDate);
    }

    /** The id a new reference to {@code investor} should use: the survivor when it was merged. */
    @Transactional(readOnly = true)
    public UUID current(UUID investor) {
        return investor == null ? null : copy.survivorOf(investor);
    }
}
