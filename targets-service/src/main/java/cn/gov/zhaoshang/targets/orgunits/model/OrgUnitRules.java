package cn.gov.zhaoshang.targets.orgunits.model;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;

/** The shape of the tree: which level hangs under which, and how codes look. */
public final class OrgUnitRules {

    /** A GB/T 2260 division code (six digits), or a park's local code: parent code + P + two digits. */
    public static final String CODE_PATTERN = "^[0-9]{6}(P[0-9]{2})?$";
    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

    private OrgUnitRules() {
    }

    public static boolean isWellFormedCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Parks hang under a county or a city; a county under a city; a city under the region. */
    public static boolean mayHangUnder(OrgLevel child, OrgLevel parent) {
        return switch (child) {
            case REGION -> false;
            case CITY -> parent == OrgLevel.REGION;
            case COUNTY -> parent == OrgLevel.CITY;
            case PARK -> parent == OrgLevel.COUNTY || parent == OrgLevel.CITY;
        };
    }

    /**
     * The next free park code under a parent: its code + {@code P} + the lowest two-digit number
     * above every park code already used under it (current or former), so a retired code is never
     * given to another park.
     */
    public static String nextParkCode(String parentCode, Collection<String> usedCodes) {
        Pattern ownParks = Pattern.compile(Pattern.quote(parentCode) + "P([0-9]{2})");
        int highest = usedCodes.stream()
                .map(ownParks::matcher)
                .filter(Matcher::matches)
                .mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
                .max().orElse(0);
        if (highest >= 99) {
            throw new IllegalStateException("no park code left under " + parentCode);
        }
        return "%sP%02d".formatted(parentCode, highest + 1);
    }
}
