package cn.gov.zhaoshang.project.excel.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.zhaoshang.project.library.model.Channel;
import cn.gov.zhaoshang.project.library.model.EvidenceType;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.SourceKeyArea;

/**
 * 招商引资项目月报表, the monthly project list bureaus exchange (shared/domain/excel-formats.md): its
 * sheet, its 21 Chinese headers in order (columns A–U), the platform's columns after them (V–AC: the
 * date of each stage and the numbers of its documents, docs/projects.md, "Excel"), and the Chinese names of the
 * values.
 */
public final class ProjectListLayout {

    public static final String SHEET = "招商引资项目月报表";

    public static final String SERIAL = "序号";
    public static final String CODE = "项目编号";
    public static final String NAME = "项目名称";
    public static final String INVESTOR = "投资方名称";
    public static final String USCC = "统一社会信用代码";
    public static final String COUNTY = "所属县(市、区)";
    public static final String PARK = "所属园区";
    public static final String INDUSTRY = "国民经济行业代码";
    public static final String CHAINS = "重点产业链";
    public static final String KEY_AREA = "来源区域";
    public static final String CHANNEL = "招商方式";
    public static final String TEAM = "驻点工作队";
    public static final String STAGE = "项目阶段";
    public static final String SIGNING_DATE = "签约日期";
    public static final String AMOUNT = "合同投资额(万元)";
    public static final String FDI = "其中外资(万美元)";
    public static final String PLANNED_START = "计划开工日期";
    public static final String SITE = "项目选址";
    public static final String CONTACT = "投资方联系人";
    public static final String PHONE = "联系电话";
    public static final String REMARK = "备注";
    public static final String LANDING_DATE = "落地日期";
    public static final String START_DATE = "开工日期";
    public static final String COMPLETION_DATE = "竣工日期";
    public static final String PRODUCTION_DATE = "投产日期";
    public static final String AGREEMENT_NUMBER = "签约协议编号";
    public static final String LANDING_DOCUMENT_TYPE = "落地凭证类型";
    public static final String LANDING_DOCUMENT_NUMBER = "落地凭证编号";
    public static final String PERMIT_NUMBER = "施工许可证编号";

    /** The bureaus' headers in column order, A to U. */
    public static final List<String> BUREAU_HEADERS = List.of(SERIAL, CODE, NAME, INVESTOR, USCC, COUNTY, PARK, INDUSTRY,
            CHAINS, KEY_AREA, CHANNEL, TEAM, STAGE, SIGNING_DATE, AMOUNT, FDI, PLANNED_START, SITE, CONTACT, PHONE, REMARK);

    /** The platform's headers after them, V to AC: what the monthly routine needs to move a project on. */
    public static final List<String> STAGE_HEADERS = List.of(LANDING_DATE, START_DATE, COMPLETION_DATE, PRODUCTION_DATE,
            AGREEMENT_NUMBER, LANDING_DOCUMENT_TYPE, LANDING_DOCUMENT_NUMBER, PERMIT_NUMBER);

    /** Every header in column order, A to AC. */
    public static final List<String> HEADERS = java.util.stream.Stream.concat(BUREAU_HEADERS.stream(), STAGE_HEADERS.stream()).toList();

    /** The landing documents by their Chinese names: 工商注册 (business registration) or 供地 (land grant). */
    public static final List<String> LANDING_DOCUMENTS = List.of("工商注册", "供地");

    /** The headers a file must have; the others may be left out. */
    public static final List<String> REQUIRED_HEADERS = List.of(NAME, COUNTY, INDUSTRY, STAGE, SIGNING_DATE, AMOUNT);

    private static final Map<String, ProjectStage> STAGES = Map.of(
            "线索", ProjectStage.LEAD, "意向", ProjectStage.INTENT, "在谈", ProjectStage.NEGOTIATING,
            "签约", ProjectStage.SIGNED, "落地", ProjectStage.LANDED, "开工", ProjectStage.STARTED,
            "竣工投产", ProjectStage.COMPLETED, "达产达效", ProjectStage.PRODUCING,
            "暂缓", ProjectStage.SUSPENDED, "终止", ProjectStage.TERMINATED);

    private static final Map<String, SourceKeyArea> KEY_AREA_VALUES = Map.of(
            "粤港澳大湾区", SourceKeyArea.GBA, "长江经济带", SourceKeyArea.YRD, "京津冀", SourceKeyArea.BTH,
            "其他国内", SourceKeyArea.OTHER_DOMESTIC, "港澳台", SourceKeyArea.HK_MACAO_TAIWAN, "境外", SourceKeyArea.OVERSEAS);

    public static final List<String> KEY_AREAS = List.of("粤港澳大湾区", "长江经济带", "京津冀", "其他国内", "港澳台", "境外");

    public static final String RESIDENT_TEAM_CHANNEL = "驻点招商";

    private static final Map<String, Channel> CHANNEL_VALUES = Map.of(
            RESIDENT_TEAM_CHANNEL, Channel.RESIDENT_TEAM, "领导带队", Channel.LEADER_LED, "产业链招商", Channel.INDUSTRY_CHAIN,
            "展会推介", Channel.EXPO, "商协会", Channel.BUSINESS_ASSOCIATION, "中介", Channel.INTERMEDIARY,
            "以商招商", Channel.BY_INVESTOR, "再投资", Channel.REINVESTMENT, "基金招商", Channel.FUND, "网络招商", Channel.ONLINE);

    public static final List<String> CHANNELS = List.of(RESIDENT_TEAM_CHANNEL, "领导带队", "产业链招商", "展会推介", "商协会",
            "中介", "以商招商", "再投资", "基金招商", "网络招商");

    /** Key-chain tags in one cell are separated by 、 (a comma or semicolon is accepted too). */
    public static final String TAG_SEPARATOR = "、";

    /** What splits a key-chain cell into tags, as a regular expression. */
    public static final String TAG_SEPARATORS = "[、,，;；]";

    private ProjectListLayout() {
    }

    /**
     * The column of a field of the API's registration request: a violation's property path (such as
     * {@code investorContact.phone} or {@code industryChainTags[2].<list element>}) named as the list's header.
     */
    public static String headerOf(String propertyPath) {
        String field = propertyPath.startsWith("investorContact.") ? propertyPath : propertyPath.split("[.\\[]", 2)[0];
        return switch (field) {
            case "projectCode" -> CODE;
            case "orgUnit" -> COUNTY;
            case "investorEnterpriseId" -> INVESTOR;
            case "industryCode" -> INDUSTRY;
            case "industryChainTags" -> CHAINS;
            case "sourceKeyArea" -> KEY_AREA;
            case "channel" -> CHANNEL;
            case "residentTeamId" -> TEAM;
            case "stage" -> STAGE;
            case "signingDate" -> SIGNING_DATE;
            case "contractAmount" -> AMOUNT;
            case "fdiContractUsd" -> FDI;
            case "plannedStartDate" -> PLANNED_START;
            case "startDate" -> START_DATE;
            case "landingDate" -> LANDING_DATE;
            case "completionDate" -> COMPLETION_DATE;
            case "productionDate" -> PRODUCTION_DATE;
            case "siteAddress" -> SITE;
            case "investorContact.name" -> CONTACT;
            case "investorContact.phone" -> PHONE;
            default -> NAME;
        };
    }

    public static SourceKeyArea keyArea(String label) {
        return label == null ? null : KEY_AREA_VALUES.get(label);
    }

    public static String label(SourceKeyArea area) {
        return area == null ? null : KEY_AREA_VALUES.entrySet().stream().filter(entry -> entry.getValue() == area)
                .map(Map.Entry::getKey).findFirst().orElse(area.name());
    }

    public static Channel channel(String label) {
        return label == null ? null : CHANNEL_VALUES.get(label);
    }

    public static String label(Channel channel) {
        return channel == null ? null : CHANNEL_VALUES.entrySet().stream().filter(entry -> entry.getValue() == channel)
                .map(Map.Entry::getKey).findFirst().orElse(channel.name());
    }

    public static EvidenceType landingDocument(String label) {
        return label == null ? null : switch (label) {
            case "工商注册" -> EvidenceType.BUSINESS_REGISTRATION;
            case "供地" -> EvidenceType.LAND_GRANT;
            default -> null;
        };
    }

    public static String label(EvidenceType landingDocument) {
        return landingDocument == EvidenceType.BUSINESS_REGISTRATION ? "工商注册" : landingDocument == EvidenceType.LAND_GRANT ? "供地" : null;
    }

    public static Optional<ProjectStage> stage(String label) {
        return Optional.ofNullable(STAGES.get(label));
    }

    public static String label(ProjectStage stage) {
        return STAGES.entrySet().stream().filter(entry -> entry.getValue() == stage).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    public static String stageLabels() {
        return String.join(" / ", List.of("线索", "意向", "在谈", "签约", "落地", "开工", "竣工投产", "达产达效", "暂缓", "终止"));
    }
}
