package cn.gov.zhaoshang.platform.teams;

import java.util.UUID;

/** A resident team (驻点工作队) as the local copy knows it: its unit, name and key area, and whether it is closed. */
public record ResidentTeam(UUID id, String orgUnit, String name, String keyArea, boolean closed) {
}
