package cn.gov.zhaoshang.contracts.project;

/**
 * One class of a project's investor as of the signing date (glossary: "that set of classes is
 * stored with the project at signing"): a list membership of the investor or its parent group.
 *
 * @param enterpriseClass FORTUNE_GLOBAL_500, CHINA_500, CHINA_PRIVATE_500, CHINA_MANUFACTURING_500,
 *     INDUSTRY_LEADER, UNICORN, GAZELLE, LITTLE_GIANT, HIGH_TECH or CENTRAL_SOE
 * @param edition the edition (year) or batch the membership came from
 */
public record InvestorClass(String enterpriseClass, String edition) {
}
