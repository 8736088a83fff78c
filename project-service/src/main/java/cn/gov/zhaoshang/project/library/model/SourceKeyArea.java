package cn.gov.zhaoshang.project.library.model;

/**
 * The key area (重点区域) a project came from, as the glossary lists them today. The list is
 * reference data and may grow; the event schema accepts any upper-case code, so adding one here is
 * a compatible change.
 */
public enum SourceKeyArea {
    GBA, YRD, BTH, OTHER_DOMESTIC, HK_MACAO_TAIWAN, OVERSEAS
}
