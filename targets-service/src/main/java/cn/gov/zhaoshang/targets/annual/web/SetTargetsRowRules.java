package cn.gov.zhaoshang.targets.annual.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.targets.annual.application.TargetWorkbook;
import cn.gov.zhaoshang.targets.annual.application.TargetWorkbook.CellError;
import cn.gov.zhaoshang.targets.annual.application.TargetWorkbook.UploadRow;
import cn.gov.zhaoshang.targets.annual.application.UploadRowRules;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * A row of 年度目标任务表 as the API's {@link TargetRequests.SetTargets}, checked by Bean Validation:
 * the year's range, the unit, at least one figure. Each violation is placed in the column its
 * property stands for: {@code year} in 年度, the others in 单位代码.
 */
@Component
public class SetTargetsRowRules implements UploadRowRules {

    private final Validator validator;

    public SetTargetsRowRules(Validator validator) {
        this.validator = validator;
    }

    @Override
    public List<CellError> check(UploadRow row) {
        Map<String, CellError> byColumn = new LinkedHashMap<>();
        validator.validate(requestOf(row)).stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> violation) -> violation.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(violation -> {
                    boolean year = violation.getPropertyPath().toString().equals("year");
                    String header = year ? TargetWorkbook.YEAR : TargetWorkbook.CODE;
                    String rule = year ? "Year" : violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                    byColumn.putIfAbsent(header, row.error(header, rule, violation.getMessage()));
                });
        return List.copyOf(byColumn.values());
    }

    /** The request the row stands for: figure code → decimal string in yuan, or null for no target. */
    static TargetRequests.SetTargets requestOf(UploadRow row) {
        Map<String, String> figures = new LinkedHashMap<>();
        row.figures().forEach((figure, value) -> figures.put(figure.name(), value.map(v -> v.toPlainString()).orElse(null)));
        return new TargetRequests.SetTargets(row.code(), row.year(), figures);
    }
}
