package cn.gov.zhaoshang.enterprise.registry.web;

import java.util.List;
import java.util.UUID;

/**
 * The answer to a registration: the new enterprise, and warnings that do not block it, such as
 * registered enterprises with a very similar name (a possible duplicate under another identity).
 */
public record RegistrationResponse(EnterpriseResponse enterprise, List<Warning> warnings) {

    /** A warning; {@code candidates} are the records it is about. */
    public record Warning(String code, String message, List<Candidate> candidates) {
    }

    /** A possibly duplicate enterprise, with a link to it. */
    public record Candidate(UUID id, String nameZh, String uscc, double similarity, String link) {
    }
}
