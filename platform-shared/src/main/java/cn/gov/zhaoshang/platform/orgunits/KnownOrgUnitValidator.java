package cn.gov.zhaoshang.platform.orgunits;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Looks the code up in the local org-unit tree (a Spring-managed validator). */
public class KnownOrgUnitValidator implements ConstraintValidator<KnownOrgUnit, String> {

    private final OrgUnitDirectory directory;

    public KnownOrgUnitValidator(OrgUnitDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
        return code == null || directory.exists(code);
    }
}
