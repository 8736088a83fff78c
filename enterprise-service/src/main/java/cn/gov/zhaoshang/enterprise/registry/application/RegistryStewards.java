package cn.gov.zhaoshang.enterprise.registry.application;

import java.util.Optional;

import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.security.OrgScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who changes a shared record of the registry (docs/decisions/0010-who-changes-the-shared-registry.md):
 * the unit that entered it, or a unit above it. Everyone reads the registry; no county changes or
 * erases what another county entered. A record entered before units were recorded, or by a unit
 * that is gone, is the region's.
 */
@Component
public class RegistryStewards {

    private final OrgUnitDirectory orgUnits;

    public RegistryStewards(OrgUnitDirectory orgUnits) {
        this.orgUnits = orgUnits;
    }

    /**
     * @param enteredBy the code of the unit that entered the record, if known
     * @param what      the record, as the 403 names it, e.g. "this enterprise"
     * @throws AccessDeniedException when the caller's unit is neither that unit nor above it
     */
    public void require(Optional<String> enteredBy, OrgScope scope, String what) {
        boolean steward = enteredBy.flatMap(orgUnits::find)
                .map(scope::contains)
                .orElse(scope.unit().parentCode() == null);
        if (!steward) {
            throw new AccessDeniedException(what + " was entered by another unit: that unit, or a unit above it, changes it");
        }
    }
}
