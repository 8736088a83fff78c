package cn.gov.zhaoshang.enterprise.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110108551385082Q"})
    void theGlossarysExamplesAreValid(String code) {
        assertThat(Uscc.problemWith(code)).isEmpty();
        assertThat(new Uscc(code).value()).isEqualTo(code);
    }

    @Test
    void theCheckCharacterOfTheExamplesIsComputedFromTheirFirst17Characters() {
        assertThat(Uscc.checkCharacterOf("91350100M000100Y4")).isEqualTo('3');
        assertThat(Uscc.checkCharacterOf("91110108551385082")).isEqualTo('Q');
    }

    @Test
    void aWrongCheckCharacterNamesTheExpectedOne() {
        Uscc.Problem problem = Uscc.problemWith("91350100M000100Y44").orElseThrow();
        assertThat(problem.rule()).isEqualTo("UsccCheckCharacter");
        assertThat(problem.expectedCheckCharacter()).isEqualTo('3');
        assertThat(problem.message()).contains("'3'");
    }

    @Test
    void everySingleCharacterSubstitutionOfAValidCodeIsDetected() {
        // 31 is prime and every weight is below it, so no substitution keeps the sum modulo 31.
        for (String valid : List.of("91350100M000100Y43", "91110108551385082Q")) {
            for (int position = 0; position < Uscc.LENGTH; position++) {
                for (char replacement : Uscc.ALPHABET.toCharArray()) {
                    if (replacement == valid.charAt(position)) {
                        continue;
                    }
                    String mutated = valid.substring(0, position) + replacement + valid.substring(position + 1);
                    assertThat(Uscc.problemWith(mutated)).as(mutated).isPresent();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "91350100I000100Y43", "91350100m000100Y43"})
    void wrongLengthsAndCharactersOutsideTheAlphabetAreRejected(String code) {
        assertThat(Uscc.problemWith(code)).hasValueSatisfying(problem ->
                assertThat(problem.rule()).isIn("UsccLength", "UsccCharacter"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Uscc(code));
    }
}
