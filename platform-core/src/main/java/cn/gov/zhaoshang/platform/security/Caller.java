package cn.gov.zhaoshang.platform.security;

import java.util.Set;

/**
 * Who is calling: the token's user name, realm roles and org unit code.
 *
 * @param orgUnit the {@code org_unit} claim; may be null for a token without one
 */
public record Caller(String username, String orgUnit, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
