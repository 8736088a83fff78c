package cn.gov.zhaoshang.platform.security;

/** The realm roles of {@code ../shared/architecture.md}, as Spring Security role names. */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String OFFICER = "officer";
    public static final String LEADER = "leader";
    public static final String TARGET_ADMIN = "target-admin";
    public static final String CONTACTS_READER = "contacts-reader";
    public static final String AUDITOR = "auditor";
    /** Manages the users of their unit and of the units under it (targets-service, /api/users), nothing else. */
    public static final String USER_ADMIN = "user-admin";
    public static final String ADMIN = "admin";
    public static final String AGENCY = "agency";

    private Roles() {
    }
}
