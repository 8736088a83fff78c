package cn.gov.zhaoshang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which answers show that a service validated the launcher's token. */
class TokenValidationTest {

    @Test
    void aTokenIsValidatedWhenTheAnswerIsNeither401NorAServerError() {
        assertThat(TokenValidation.validated(200)).isTrue();
        assertThat(TokenValidation.validated(403)).isTrue();
        assertThat(TokenValidation.validated(404)).isTrue();
        assertThat(TokenValidation.validated(401)).isFalse();
        assertThat(TokenValidation.validated(500)).isFalse();
        assertThat(TokenValidation.validated(503)).isFalse();
        assertThat(TokenValidation.validated(-1)).as("no answer").isFalse();
    }
}
