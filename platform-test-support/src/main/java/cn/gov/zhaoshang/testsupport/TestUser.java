package cn.gov.zhaoshang.testsupport;

/**
 * The users the service and end-to-end tests act as, with the unit and realm roles their tokens
 * carry: the launcher's demo users of the same names. A test that needs another user or a token
 * with something wrong in it still asks {@link TestIdentityProvider#token(String)}.
 */
public enum TestUser {

    /** 桂平 (450881), a county-level city of 贵港. */
    GP_OFFICER("gp-officer", "450881", "officer"),
    GP_VIEWER("gp-viewer", "450881", "viewer"),
    /** 港北 (450802), 桂平's sibling under 贵港. */
    GB_OFFICER("gb-officer", "450802", "officer"),
    /** 贵港 (450800), the city above both. */
    GG_OFFICER("gg-officer", "450800", "officer"),
    /** The region (450000). */
    GX_VIEWER("gx-viewer", "450000", "viewer"),
    GX_ADMIN("gx-admin", "450000", "admin");

    private final String username;
    private final String orgUnit;
    private final String[] roles;

    TestUser(String username, String orgUnit, String... roles) {
        this.username = username;
        this.orgUnit = orgUnit;
        this.roles = roles;
    }

    public String username() {
        return username;
    }

    public String orgUnit() {
        return orgUnit;
    }

    /** A fresh access token of this JVM's token issuer. */
    public String token() {
        return PlatformServers.identityProvider().tokenFor(username, orgUnit, roles);
    }
}
