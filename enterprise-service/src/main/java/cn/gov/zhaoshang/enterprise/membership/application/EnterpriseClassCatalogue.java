package cn.gov.zhaoshang.enterprise.membership.application;

import cn.gov.zhaoshang.enterprise.membership.model.EnterpriseClass;
import cn.gov.zhaoshang.enterprise.registry.application.KnownEnterpriseClasses;
import org.springframework.stereotype.Component;

/** The glossary's enterprise classes, as the registry's search asks for them. */
@Component
public class EnterpriseClassCatalogue implements KnownEnterpriseClasses {

    @Override
    public boolean exists(String code) {
        return EnterpriseClass.find(code).isPresent();
    }
}
