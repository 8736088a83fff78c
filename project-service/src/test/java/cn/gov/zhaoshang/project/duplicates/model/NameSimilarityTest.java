package cn.gov.zhaoshang.project.duplicates.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.zhaoshang.project.library.model.ProjectNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSimilarityTest {

    @ParameterizedTest(name = "{0} / {1} = {2}")
    @CsvSource({
            "'', '', 0",
            "abc, '', 3",
            "kitten, sitting, 3",
            "flaw, lawn, 2",
            "桂平市光伏组件制造, 桂平市光伏组件制造, 0",
            "桂平市光伏组件制造, 桂平光伏组件制造, 1",
            "桂平市光伏组件制造, 桂平市光伏电池制造, 2",
            "贵港市新能源电动车, 电动车新能源贵港市, 6"})
    void distanceCountsInsertionsDeletionsAndSubstitutionsOfCodePoints(String a, String b, int expected) {
        assertThat(NameSimilarity.distance(a, b)).isEqualTo(expected);
        assertThat(NameSimilarity.distance(b, a)).isEqualTo(expected);
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsOneCodePoint() {
        assertThat(NameSimilarity.distance("𠀀园", "𠀁园")).isEqualTo(1);
    }

    @Test
    void theThresholdIsExactAtEightyFivePercent() {
        // 20 characters, distance 3: 1 - 3/20 = 0.85 exactly → similar; distance 4 → 0.80 → not
        String twenty = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸";
        assertThat(NameSimilarity.atLeast(twenty, "子丑寅" + twenty.substring(3), 85)).isTrue();
        assertThat(NameSimilarity.atLeast(twenty, "子丑寅卯" + twenty.substring(4), 85)).isFalse();
        assertThat(NameSimilarity.atLeast("", "", 85)).isFalse();
    }

    @Test
    void normalisedNamesOfOneProjectWrittenTwoWaysAreSimilar() {
        String first = ProjectNames.normalize("贵港市 钢铁深加工产业园（一期）项目");
        String second = ProjectNames.normalize("贵港市钢铁深加工产业园一期工程");
        assertThat(NameSimilarity.atLeast(first, second, 85)).isTrue();
        assertThat(NameSimilarity.atLeast(first, ProjectNames.normalize("桂平市文旅综合体"), 85)).isFalse();
    }
}
