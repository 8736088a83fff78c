package cn.gov.zhaoshang.targets.orgunits.web;

import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.targets.orgunits.model.RegisteredOrgUnit;

/** One org unit as the API shows it; {@code aliases} are its former codes, oldest first. */
public record OrgUnitResponse(UUID id, String code, String parentCode, String level, String nameZh, String nameEn,
        String path, List<String> aliases) {

    static OrgUnitResponse of(RegisteredOrgUnit unit) {
        return new OrgUnitResponse(unit.id(), unit.code(), unit.unit().parentCode(), unit.level().name(),
                unit.unit().nameZh(), unit.unit().nameEn(), unit.path(), unit.aliases());
    }
}
