package cn.gov.zhaoshang.project.library.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "桂平市新能源电池材料项目 | 桂平市新能源电池材料",
            "桂平市 新能源（一期）项目 | 桂平市新能源一期",
            "桂平市新能源(一期) | 桂平市新能源一期",
            "ＡＢＣ集团 年产１０万吨 | abc年产10万吨",
            "广西某某股份有限公司扩建项目 | 广西某某扩建",
            "广西某某有限责任公司，二期。 | 广西某某二期"})
    void widthSpacePunctuationAndGenericWordsDoNotMatter(String name, String normalized) {
        assertThat(ProjectNames.normalize(name)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"新能源一期 | 新能源二期", "港北家居 | 港南家居"})
    void differentNamesStayDifferent(String one, String other) {
        assertThat(ProjectNames.normalize(one)).isNotEqualTo(ProjectNames.normalize(other));
    }
}
