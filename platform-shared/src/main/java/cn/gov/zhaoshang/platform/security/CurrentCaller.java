package cn.gov.zhaoshang.platform.security;

import java.util.Set;
import java.util.stream.Collectors;

import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the current request, and their org scope resolved in the local org tree. */
public class CurrentCaller {

    private final OrgUnitDirectory orgUnits;

    public CurrentCaller(OrgUnitDirectory orgUnits) {
        this.orgUnits = orgUnits;
    }

    public Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new AuthenticationCredentialsNotFoundException("no bearer token");
        }
        Set<String> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(token.getName(), token.getToken().getClaimAsString("org_unit"), roles);
    }

    /**
     * The caller's scope. A token without an org unit, or with one this service does not know,
     * has no scope at all and is refused.
     */
    public OrgScope scope() {
        Caller caller = caller();
        return orgUnits.find(caller.orgUnit())
                .map(unit -> new OrgScope(caller, unit))
                .orElseThrow(() -> new AccessDeniedException("the token's org_unit is missing or unknown"));
    }
}
