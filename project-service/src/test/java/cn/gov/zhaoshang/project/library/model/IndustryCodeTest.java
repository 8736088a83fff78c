package cn.gov.zhaoshang.project.library.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndustryCodeTest {

    @ParameterizedTest
    @CsvSource({
            "C, true", "C13, true", "C3963, true", "C43, true", "C431, true",
            "C12, false", "C44, false", "B0610, false", "I6510, false", "D44, false"})
    void manufacturingIsSectionCDivisions13To43(String code, boolean manufacturing) {
        assertThat(new IndustryCode(code).isManufacturing()).isEqualTo(manufacturing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "c39", "C3", "C39631", "Z01", "39", "C 39"})
    void rejectsWhatIsNotAnIndustryCode(String code) {
        assertThatThrownBy(() -> new IndustryCode(code)).isInstanceOf(IllegalArgumentException.class);
    }
}
