package cn.gov.zhaoshang.targets.annual.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.zhaoshang.targets.annual.application.TargetWorkbook;
import cn.gov.zhaoshang.targets.annual.application.TargetWorkbook.CellError;
import cn.gov.zhaoshang.targets.annual.application.TargetWorkbook.UploadRow;
import cn.gov.zhaoshang.targets.annual.model.TargetFigure;
import jakarta.validation.Validation;
import org.assertj.core.groups.Tuple;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** A row of 年度目标任务表 meets the rules of the API's SetTargets request, told at sheet, row and column. */
class SetTargetsRowRulesTest {

    private final SetTargetsRowRules rules = new SetTargetsRowRules(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    @Test
    void aRowOfAYearTheApiTakesBreaksNoRule() {
        assertThat(rules.check(row("450881", 2026))).isEmpty();
    }

    @Test
    void theRequestsYearRangeRefusesAYearOutsideItInTheYearColumn() {
        List<CellError> errors = rules.check(row("450881", 1999));

        assertThat(errors).extracting(CellError::location, CellError::rule)
                .containsExactly(Tuple.tuple("年度目标任务表!C5", "Year"));
        assertThat(errors.getFirst().message()).startsWith(TargetWorkbook.YEAR + " ").contains("2000");
    }

    @Test
    void aRowWithoutAYearIsRefusedByTheRequestsNotNull() {
        assertThat(rules.check(row("450881", null))).extracting(CellError::location, CellError::rule)
                .containsExactly(Tuple.tuple("年度目标任务表!C5", "Year"));
    }

    private static UploadRow row(String code, Integer year) {
        return new UploadRow(5, "A", code, "C", year,
                Map.of(TargetFigure.values()[0], Optional.of(new BigDecimal("7500000000"))),
                Map.of(TargetFigure.values()[0], "D"));
    }
}
