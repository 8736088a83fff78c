package cn.gov.zhaoshang.enterprise.editionimport.model;

/** How a row of an imported edition was matched to the registry. */
public enum MatchKind {
    /** Its USCC is registered. */
    BY_USCC,
    /** No USCC, or an unregistered one, but exactly one enterprise has its normalised name. */
    BY_NAME,
    /** Nothing like it is registered: applying creates a list-only record. */
    NEW,
    /** Several or only similar names match: a person decides, in the review queue. */
    REVIEW,
    /** A reviewer chose the enterprise (or chose to create a new one). */
    CHOSEN,
    /** The row is wrong and must be corrected before the import can be applied. */
    ERROR;

    /** Whether applying knows what to do with the row. */
    public boolean decided() {
        return this != REVIEW && this != ERROR;
    }
}
