package cn.gov.zhaoshang.project.excel.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gov.zhaoshang.project.excel.application.ListRowRules;
import cn.gov.zhaoshang.project.excel.model.CellError;
import cn.gov.zhaoshang.project.excel.model.FundsRow;
import cn.gov.zhaoshang.project.excel.model.FundsSheetLayout;
import cn.gov.zhaoshang.project.excel.model.ListRow;
import cn.gov.zhaoshang.project.excel.model.ProjectListLayout;
import cn.gov.zhaoshang.project.funds.model.FundsEvidenceType;
import cn.gov.zhaoshang.project.funds.web.FundsRequest;
import cn.gov.zhaoshang.project.library.web.RegisterProjectRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * A row of the list as the API's {@link RegisterProjectRequest}, and a row of its 到位资金 sheet as
 * the API's {@link FundsRequest}, checked by Bean Validation: the API's constraints are the file's. Each violation is placed in the column its property stands for
 * and named as the list has always named it (Required, Amount, IndustryCode, Phone, or the
 * constraint's own name).
 */
@Component
public class RegisterProjectRowRules implements ListRowRules {

    private static final Set<String> REQUIRED = Set.of("NotBlank", "NotNull", "NotEmpty");

    private final Validator validator;

    public RegisterProjectRowRules(Validator validator) {
        this.validator = validator;
    }

    @Override
    public List<CellError> check(ListRow row, String orgUnit) {
        Map<String, CellError> byColumn = new LinkedHashMap<>();
        sorted(validator.validate(requestOf(row, orgUnit))).forEach(violation -> {
            String header = ProjectListLayout.headerOf(violation.getPropertyPath().toString());
            byColumn.putIfAbsent(header, row.error(header, rule(header, violation), message(header, violation)));
        });
        return List.copyOf(byColumn.values());
    }

    @Override
    public List<CellError> check(FundsRow row) {
        Map<String, CellError> byColumn = new LinkedHashMap<>();
        sorted(validator.validate(requestOf(row))).forEach(violation -> {
            String header = switch (violation.getPropertyPath().toString()) {
                case "month" -> FundsSheetLayout.MONTH;
                case "evidence.documentNumber" -> FundsSheetLayout.VOUCHER_NUMBER;
                case "evidence.documentDate" -> FundsSheetLayout.VOUCHER_DATE;
                default -> FundsSheetLayout.AMOUNT;
            };
            String rule = REQUIRED.contains(constraint(violation)) ? "Required"
                    : header.equals(FundsSheetLayout.AMOUNT) ? "Amount" : constraint(violation);
            String message = header.equals(FundsSheetLayout.AMOUNT) && rule.equals("Amount")
                    ? "zero or more, with at most 6 decimals in 万元 (one fen) and at most 12 digits before the point"
                    : violation.getMessage();
            byColumn.putIfAbsent(header, row.error(header, rule, message));
        });
        return List.copyOf(byColumn.values());
    }

    /** The funds request a 到位资金 row stands for: the amount in yuan, the voucher as a bank voucher. */
    static FundsRequest requestOf(FundsRow row) {
        return new FundsRequest(row.month() == null ? null : row.month().toString(), plain(row.amount()),
                new FundsRequest.Evidence(FundsEvidenceType.BANK_VOUCHER, blankToNull(row.voucherNumber()), row.voucherDate()),
                null);
    }

    // a missing value is said to be required before anything else is said of it
    private static <T> List<ConstraintViolation<T>> sorted(Set<ConstraintViolation<T>> violations) {
        return violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> violation) -> !REQUIRED.contains(constraint(violation)))
                        .thenComparing(RegisterProjectRowRules::constraint)
                        .thenComparing(ConstraintViolation::getMessage))
                .toList();
    }

    /** The request the row stands for: amounts in yuan and dollars as the API writes them, the landing unit's code. */
    static RegisterProjectRequest requestOf(ListRow row, String orgUnit) {
        boolean started = row.stage() != null && row.stage().hasReached(cn.gov.zhaoshang.project.library.model.ProjectStage.STARTED);
        List<String> tags = Arrays.stream(row.chains().split(ProjectListLayout.TAG_SEPARATORS)).map(String::strip)
                .filter(tag -> !tag.isEmpty()).toList();
        return new RegisterProjectRequest(row.name(), orgUnit, blankToNull(row.code()), row.stage(), plain(row.contractAmount()),
                row.signingDate(), started ? (row.stages().startDate() != null ? row.stages().startDate() : row.plannedStartDate()) : null,
                row.stages().landingDate(), row.stages().completionDate(), row.stages().productionDate(), List.of(), row.industryCode(),
                null, tags,
                ProjectListLayout.keyArea(row.keyArea()), ProjectListLayout.channel(row.channel()), null, plain(row.fdiUsd()),
                null, row.plannedStartDate(), blankToNull(row.site()),
                new RegisterProjectRequest.ContactRequest(blankToNull(row.contactName()), blankToNull(row.contactPhone())));
    }

    private static String constraint(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    private static String rule(String header, ConstraintViolation<?> violation) {
        if (REQUIRED.contains(constraint(violation))) {
            return "Required";
        }
        return switch (header) {
            case ProjectListLayout.AMOUNT, ProjectListLayout.FDI -> "Amount";
            case ProjectListLayout.INDUSTRY -> "IndustryCode";
            case ProjectListLayout.PHONE -> "Phone";
            default -> constraint(violation);
        };
    }

    // The API speaks of yuan and dollars as decimal strings; the file's amounts are in 万元 and 万美元.
    private static String message(String header, ConstraintViolation<?> violation) {
        boolean amount = header.equals(ProjectListLayout.AMOUNT) || header.equals(ProjectListLayout.FDI);
        if (amount && constraint(violation).equals("DecimalMin")) {
            return "a positive amount";
        }
        if (amount && constraint(violation).equals("Pattern")) {
            return "zero or more, with at most 6 decimals in 万 (one fen or cent) and at most 12 digits before the point";
        }
        return violation.getMessage();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
