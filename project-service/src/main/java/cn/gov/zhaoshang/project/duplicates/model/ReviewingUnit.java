package cn.gov.zhaoshang.project.duplicates.model;

/**
 * Who decides on a pooled project: a reviewer of the lowest unit that holds both the pooled project
 * and the project it may duplicate (usually their city), and never the unit that registered it.
 * When both lie in the registering unit, the decision goes to the unit above it.
 */
public final class ReviewingUnit {

    private ReviewingUnit() {
    }

    /**
     * @param pooledPath    the org-tree path of the pooled project's unit, e.g. {@code 450000.450800.450881}
     * @param duplicatePath the path of the unit of the project it may duplicate, or {@code null} when that is not known
     * @return the path of the unit whose reviewers decide
     */
    public static String pathFor(String pooledPath, String duplicatePath) {
        String[] pooled = pooledPath.split("\\.");
        int common = pooled.length - 1;
        if (duplicatePath != null) {
            String[] duplicate = duplicatePath.split("\\.");
            int shared = 0;
            while (shared < Math.min(pooled.length, duplicate.length) && pooled[shared].equals(duplicate[shared])) {
                shared++;
            }
            common = Math.min(shared, pooled.length - 1);
        }
        // the region holds everything; a pooled project of a region-level unit has no unit above it
        return String.join(".", java.util.Arrays.copyOf(pooled, Math.max(common, 1)));
    }
}
