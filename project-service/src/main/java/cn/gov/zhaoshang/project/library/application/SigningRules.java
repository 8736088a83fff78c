package cn.gov.zhaoshang.project.library.application;

import java.time.LocalDate;
import java.util.UUID;

import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.project.investor.application.InvestorClasses;
import cn.gov.zhaoshang.project.library.infrastructure.SigningSettingRepository;
import cn.gov.zhaoshang.project.library.model.Signing;
import org.springframework.stereotype.Component;

/** What a signing in a unit entails: the confirmation the unit requires, and the investor's class snapshot. */
@Component
public class SigningRules {

    private final SigningSettingRepository settings;
    private final InvestorClasses investorClasses;

    public SigningRules(SigningSettingRepository settings, InvestorClasses investorClasses) {
        this.settings = settings;
        this.investorClasses = investorClasses;
    }

    /** @param signingDate the date the investor's classes are taken on */
    public Signing signing(OrgUnit unit, UUID investor, LocalDate signingDate) {
        boolean required = settings.effectiveFor(unit).map(SigningSettingRepository.Setting::required).orElse(false);
        return new Signing(required, investorClasses.on(investor, signingDate));
    }
}
