package cn.gov.zhaoshang.targets.orgunits.application;

import java.time.Instant;

import cn.gov.zhaoshang.platform.security.Caller;

/**
 * A unit was given a new code, published to this service's listeners inside the re-code's
 * transaction (the users feature follows it: the unit's people get the new code in Keycloak).
 */
public record OrgUnitRecoded(String oldCode, String newCode, Caller actor, Instant at) {
}
