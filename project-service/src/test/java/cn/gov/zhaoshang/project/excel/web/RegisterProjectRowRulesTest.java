package cn.gov.zhaoshang.project.excel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.platform.orgunits.KnownOrgUnitValidator;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.project.excel.model.CellError;
import cn.gov.zhaoshang.project.excel.model.FundsRow;
import cn.gov.zhaoshang.project.excel.model.FundsSheetLayout;
import cn.gov.zhaoshang.project.excel.model.ListRow;
import cn.gov.zhaoshang.project.excel.model.ProjectListLayout;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** A row of the list meets the API's request rules, and each broken one is told at its sheet, row and column. */
class RegisterProjectRowRulesTest {

    private final RegisterProjectRowRules rules = new RegisterProjectRowRules(validator());

    @Test
    void aGoodRowBreaksNoRule() {
        assertThat(rules.check(row("桂平市新型建材", "C3011", new BigDecimal("15005000"), "13812345678"), "450881")).isEmpty();
    }

    @Test
    void theRequestsAmountPatternRefusesAFractionOfAFenAtTheAmountColumn() {
        // 1.1234567 万元 is 11234.567 yuan: the request takes at most 2 decimals of a yuan.
        List<CellError> errors = rules.check(row("桂平市新型建材", "C3011", new BigDecimal("11234.567"), "13812345678"), "450881");

        assertThat(errors).extracting(CellError::location, CellError::rule).containsExactly(
                Tuple.tuple("招商引资项目月报表!O7", "Amount"));
        assertThat(errors.getFirst().toViolation().message())
                .contains("sheet 招商引资项目月报表", "row 7", "column O", ProjectListLayout.AMOUNT);
    }

    @Test
    void theRequestsRequiredNameIndustryPatternAndPhonePatternAreTheFilesToo() {
        List<CellError> errors = rules.check(row("", "X99", new BigDecimal("-50000"), "call me"), "450881");

        assertThat(errors).extracting(CellError::location, CellError::rule).containsExactlyInAnyOrder(
                Tuple.tuple("招商引资项目月报表!C7", "Required"),
                Tuple.tuple("招商引资项目月报表!H7", "IndustryCode"),
                Tuple.tuple("招商引资项目月报表!O7", "Amount"),
                Tuple.tuple("招商引资项目月报表!T7", "Phone"));
        assertThat(errors).filteredOn(error -> error.column().equals("O")).extracting(CellError::message)
                .containsExactly("a positive amount");
    }

    @Test
    void aRowWithoutCountyIsRequiredToNameOne() {
        assertThat(rules.check(row("桂平市新型建材", "C3011", new BigDecimal("15005000"), ""), ""))
                .extracting(CellError::location, CellError::rule)
                .containsExactly(Tuple.tuple("招商引资项目月报表!F7", "Required"));
    }

    @Test
    void aFundsRowMeetsTheFundsRequestsRulesAtItsOwnSheetAndColumns() {
        Map<String, String> columns = Map.of(FundsSheetLayout.MONTH, "D", FundsSheetLayout.AMOUNT, "E",
                FundsSheetLayout.VOUCHER_NUMBER, "F", FundsSheetLayout.VOUCHER_DATE, "G");
        FundsRow good = new FundsRow(4, "GP-1", "", YearMonth.of(2025, 3), new BigDecimal("1250000"), "V-001",
                LocalDate.of(2025, 3, 20), columns);
        assertThat(rules.check(good)).isEmpty();

        // 0.0000001 万元 is a thousandth of a yuan; the voucher has no number
        FundsRow bad = new FundsRow(4, "GP-1", "", YearMonth.of(2025, 3), new BigDecimal("0.001"), "",
                LocalDate.of(2025, 3, 20), columns);
        List<CellError> errors = rules.check(bad);

        assertThat(errors).extracting(CellError::location, CellError::rule).containsExactlyInAnyOrder(
                Tuple.tuple("到位资金!E4", "Amount"), Tuple.tuple("到位资金!F4", "Required"));
        assertThat(errors).allSatisfy(error -> assertThat(error.toViolation().message()).contains("sheet 到位资金", "row 4"));
    }

    private static ListRow row(String name, String industry, BigDecimal amountYuan, String phone) {
        Map<String, String> columns = new java.util.HashMap<>();
        for (int c = 0; c < ProjectListLayout.HEADERS.size(); c++) {
            columns.put(ProjectListLayout.HEADERS.get(c), org.apache.poi.ss.util.CellReference.convertNumToColString(c));
        }
        return new ListRow(7, "", name, "", "", "桂平市", "", industry, "新能源汽车、电子信息", "粤港澳大湾区", "产业链招商", "",
                ProjectStage.SIGNED, LocalDate.of(2025, 3, 1), amountYuan, null, null, "桂平市西山镇", "张三", phone, "",
                cn.gov.zhaoshang.project.excel.model.StageCells.NONE, columns);
    }

    private static Validator validator() {
        OrgUnitDirectory directory = new OrgUnitDirectory(null) {
            @Override
            public boolean exists(String code) {
                return code.equals("450881");
            }
        };
        ConstraintValidatorFactory defaults = Validation.byDefaultProvider().configure().getDefaultConstraintValidatorFactory();
        return Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .constraintValidatorFactory(new ConstraintValidatorFactory() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                        return key == KnownOrgUnitValidator.class ? (T) new KnownOrgUnitValidator(directory) : defaults.getInstance(key);
                    }

                    @Override
                    public void releaseInstance(ConstraintValidator<?, ?> instance) {
                    }
                })
                .buildValidatorFactory().getValidator();
    }
}
