package cn.gov.zhaoshang.project.library.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.project.library.application.ProjectCorrections.Correction;
import cn.gov.zhaoshang.project.library.model.Channel;
import cn.gov.zhaoshang.project.library.model.InvestorContact;
import cn.gov.zhaoshang.project.library.model.SourceKeyArea;
import cn.gov.zhaoshang.project.library.web.RegisterProjectRequest.ContactRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A correction of a project's descriptive fields, as a JSON merge patch (RFC 7396): a field given
 * is set, a field given as {@code null} is cleared, a field left out is kept. The fields and their
 * rules are those of registration ({@link RegisterProjectRequest}).
 */
public record ProjectCorrectionRequest(
        @Size(max = 200) String name,
        @Size(max = 300) String siteAddress,
        LocalDate plannedStartDate,
        @Size(max = 20) List<@NotBlank @Size(max = 30) String> industryChainTags,
        Channel channel,
        UUID residentTeamId,
        SourceKeyArea sourceKeyArea,
        UUID investorEnterpriseId,
        @Valid ContactRequest investorContact) {

    /** The fields a correction may change, by their API names. */
    public static final List<String> CORRECTABLE = List.of("name", "siteAddress", "plannedStartDate", "industryChainTags",
            "channel", "residentTeamId", "sourceKeyArea", "investorEnterpriseId", "investorContact");

    /** Contract terms, which change by an amendment with its reason, never by a correction. */
    private static final Set<String> TERMS = Set.of("contractAmount", "fdiContractUsd", "industryCode", "signingDate");

    /**
     * Reads a merge patch: every field that cannot be corrected, has the wrong type or breaks a rule
     * is named at once in one 400.
     */
    static Correction read(ObjectNode patch, JsonMapper json, Validator validator) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>(patch.propertyNames());
        for (String field : present) {
            if (TERMS.contains(field)) {
                violations.add(new FieldViolation(field, "AmendmentOnly",
                        "contract terms change by an amendment with its reason: POST /api/projects/{id}/amendments"));
            } else if (!CORRECTABLE.contains(field)) {
                violations.add(new FieldViolation(field, "Correctable", "is not a field a correction changes; these are "
                        + String.join(", ", CORRECTABLE)));
            }
        }
        ObjectNode known = patch.deepCopy();
        known.retain(CORRECTABLE);
        // each field on its own, so that every field of the wrong type is named, not only the first
        for (String field : CORRECTABLE) {
            if (known.has(field)) {
                try {
                    ObjectNode single = json.createObjectNode();
                    single.set(field, known.get(field));
                    json.treeToValue(single, ProjectCorrectionRequest.class);
                } catch (DatabindException wrongType) {
                    violations.add(new FieldViolation(pathOf(wrongType, field), "Format", "has a value of the wrong type or format"));
                    known.remove(field);
                } catch (JacksonException malformed) {
                    violations.add(new FieldViolation(field, "Format", "has a value of the wrong type or format"));
                    known.remove(field);
                }
            }
        }
        ProjectCorrectionRequest request = json.treeToValue(known, ProjectCorrectionRequest.class);
        validator.validate(request).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                // "industryChainTags[0].<list element>" is named as Spring names it for a request body: "industryChainTags[0]"
                .forEach(violation -> violations.add(new FieldViolation(violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", ""),
                        violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), violation.getMessage())));
        if (present.contains("name") && (request.name() == null || request.name().isBlank())) {
            violations.add(new FieldViolation("name", "NotBlank", "a project keeps a name; it can be corrected, not cleared"));
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return new Correction(present, request.name(), request.siteAddress(), request.plannedStartDate(), request.industryChainTags(),
                request.channel(), request.residentTeamId(), request.sourceKeyArea(), request.investorEnterpriseId(),
                request.investorContact() == null ? null
                        : new InvestorContact(request.investorContact().name(), request.investorContact().phone()));
    }

    private static String pathOf(DatabindException wrongType, String field) {
        return wrongType.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse(field);
    }
}
