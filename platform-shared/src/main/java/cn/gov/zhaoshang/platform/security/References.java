package cn.gov.zhaoshang.platform.security;

import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.teams.ResidentTeam;
import cn.gov.zhaoshang.platform.teams.ResidentTeamDirectory;
import org.springframework.security.access.AccessDeniedException;

/**
 * What a write may refer to, checked the same way by every service (docs/security.md, "References
 * in writes"): the reference must exist here (400 naming the field) and be the caller's to use
 * (403). Reads need no such rule: they are filtered by the caller's scope.
 */
public class References {

    private final OrgUnitDirectory orgUnits;
    private final ResidentTeamDirectory teams;

    public References(OrgUnitDirectory orgUnits, ResidentTeamDirectory teams) {
        this.orgUnits = orgUnits;
        this.teams = teams;
    }

    /** An org unit in the local tree: 400 naming the field for an unknown code. */
    public OrgUnit knownOrgUnit(String field, String code) {
        return orgUnits.find(code).orElseThrow(() -> new RequestValidationException(
                List.of(new FieldViolation(field, "KnownOrgUnit", "is not a known org unit code"))));
    }

    /** An org unit in the caller's scope: 400 naming the field for an unknown code, 403 outside the scope. */
    public OrgUnit orgUnitInScope(String field, String code, OrgScope scope) {
        OrgUnit unit = knownOrgUnit(field, code);
        if (!scope.contains(unit)) {
            throw new AccessDeniedException(field + " " + unit.code() + " is outside your scope");
        }
        return unit;
    }

    /**
     * The resident team a record of {@code recordUnit} names: it must be in this service's copy of
     * the teams (400 naming the field), and be a team of a unit in the caller's scope or of a unit
     * above the record's (a city's team docks for its counties); another city's team is 403. A team
     * that was closed is not given new records (400 {@code OpenResidentTeam}), as the monthly list
     * names only open teams.
     */
    public ResidentTeam residentTeamFor(String field, UUID teamId, OrgUnit recordUnit, OrgScope scope) {
        ResidentTeam team = teams.of(List.of(teamId)).get(teamId);
        if (team == null) {
            throw new RequestValidationException(List.of(new FieldViolation(field, "KnownResidentTeam",
                    "is not a resident team known here (a team set up moments ago may take a few seconds to arrive)")));
        }
        OrgUnit teamUnit = orgUnits.find(team.orgUnit()).orElse(null);
        if (teamUnit == null || !(scope.contains(teamUnit) || teamUnit.contains(recordUnit))) {
            throw new AccessDeniedException(field + " " + teamId + " is a team of a unit outside your scope");
        }
        if (team.closed()) {
            throw new RequestValidationException(List.of(new FieldViolation(field, "OpenResidentTeam",
                    "is a team that was closed; choose an open team of the unit or of a unit above it")));
        }
        return team;
    }
}
