package cn.gov.zhaoshang.project.duplicates.web;

import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.model.PossibleDuplicate;

/**
 * Whether registering would pool the project, and against which project by which rule: both named
 * only when that project is within the caller's scope; otherwise the city's reviewers will decide.
 */
public record DuplicateCheckResponse(boolean possibleDuplicate, UUID duplicateOf, String rule) {

    static DuplicateCheckResponse of(Optional<PossibleDuplicate> answer) {
        return answer.map(found -> new DuplicateCheckResponse(true, found.duplicateOf(), found.rule()))
                .orElseGet(() -> new DuplicateCheckResponse(false, null, null));
    }
}
