package cn.gov.zhaoshang.project.library.model;

import java.util.List;

/** A stage was claimed without the fields or evidence it requires; lists every one missing. */
public class MissingRequirementsException extends RuntimeException {

    private final List<StageFacts.Missing> missing;

    public MissingRequirementsException(List<StageFacts.Missing> missing) {
        super("missing: " + missing);
        this.missing = List.copyOf(missing);
    }

    public List<StageFacts.Missing> missing() {
        return missing;
    }
}
