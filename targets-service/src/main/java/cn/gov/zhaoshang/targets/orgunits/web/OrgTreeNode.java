package cn.gov.zhaoshang.targets.orgunits.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.targets.orgunits.model.RegisteredOrgUnit;

/** A unit of the tree with its children, as {@code GET /api/org-units} answers. */
public record OrgTreeNode(UUID id, String code, String level, String nameZh, String nameEn, String path,
        List<String> aliases, List<OrgTreeNode> children) {

    /** Nests a subtree listed parents-first (ordered by path); the first unit is the root. */
    static OrgTreeNode nest(List<RegisteredOrgUnit> subtree) {
        Map<String, List<OrgTreeNode>> childrenByParent = new LinkedHashMap<>();
        Map<String, OrgTreeNode> byCode = new LinkedHashMap<>();
        for (RegisteredOrgUnit unit : subtree) {
            List<OrgTreeNode> children = new ArrayList<>();
            childrenByParent.put(unit.code(), children);
            OrgTreeNode node = new OrgTreeNode(unit.id(), unit.code(), unit.level().name(), unit.unit().nameZh(),
                    unit.unit().nameEn(), unit.path(), unit.aliases(), children);
            byCode.put(unit.code(), node);
            List<OrgTreeNode> siblings = childrenByParent.get(unit.unit().parentCode());
            if (siblings != null) {
                siblings.add(node);
            }
        }
        return byCode.values().iterator().next();
    }
}
