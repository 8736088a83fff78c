package cn.gov.zhaoshang.project.library.model;

import java.util.List;

import cn.gov.zhaoshang.contracts.project.InvestorClass;

/**
 * What is decided when a project is signed: whether its unit wants a leader's confirmation, and the
 * investor's classes on the signing date (a snapshot, never rewritten by later list changes).
 */
public record Signing(boolean confirmationRequired, List<InvestorClass> investorClasses) {

    public static final Signing NOTHING_REQUIRED = new Signing(false, List.of());

    public Signing {
        investorClasses = investorClasses == null ? List.of() : List.copyOf(investorClasses);
    }
}
