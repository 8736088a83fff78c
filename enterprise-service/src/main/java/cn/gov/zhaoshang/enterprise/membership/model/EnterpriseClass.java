package cn.gov.zhaoshang.enterprise.membership.model;

import java.util.Arrays;
import java.util.Optional;

/** The enterprise classes of the glossary, with the Chinese label people read and how long a membership counts. */
public enum EnterpriseClass {
    FORTUNE_GLOBAL_500("世界500强", ValidityKind.RANKED_YEARLY),
    CHINA_500("中国企业500强", ValidityKind.RANKED_YEARLY),
    CHINA_PRIVATE_500("中国民营企业500强", ValidityKind.RANKED_YEARLY),
    CHINA_MANUFACTURING_500("中国制造业企业500强", ValidityKind.RANKED_YEARLY),
    INDUSTRY_LEADER("行业龙头", ValidityKind.STANDING),
    UNICORN("独角兽", ValidityKind.RANKED_YEARLY),
    GAZELLE("瞪羚", ValidityKind.RANKED_YEARLY),
    LITTLE_GIANT("专精特新\"小巨人\"", ValidityKind.PERIOD),
    HIGH_TECH("高新技术企业", ValidityKind.PERIOD),
    CENTRAL_SOE("中央企业", ValidityKind.STANDING);

    private final String labelZh;
    private final ValidityKind validityKind;

    EnterpriseClass(String labelZh, ValidityKind validityKind) {
        this.labelZh = labelZh;
        this.validityKind = validityKind;
    }

    public String labelZh() {
        return labelZh;
    }

    public ValidityKind validityKind() {
        return validityKind;
    }

    public static Optional<EnterpriseClass> find(String name) {
        return Arrays.stream(values()).filter(value -> value.name().equals(name)).findFirst();
    }
}
