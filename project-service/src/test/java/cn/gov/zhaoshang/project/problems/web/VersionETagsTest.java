package cn.gov.zhaoshang.project.problems.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class VersionETagsTest {

    @Test
    void aVersionIsAStrongETagAndIfMatchNamesTheVersionsOfItsStrongTags() {
        assertThat(VersionETags.of(7)).isEqualTo("\"7\"");
        assertThat(VersionETags.versionsNamedBy("\"7\"")).containsExactly(7L);
        assertThat(VersionETags.versionsNamedBy(" \"3\" , \"4\"")).containsExactlyInAnyOrder(3L, 4L);
    }

    @Test
    void weakOrForeignTagsNameNoVersionSoTheChangeGetsItsPreconditionFailed() {
        assertThat(VersionETags.versionsNamedBy("W/\"7\"")).isEmpty();
        assertThat(VersionETags.versionsNamedBy("\"abc\", 7")).isEmpty();
        assertThat(VersionETags.preconditionFailed().getStatus()).isEqualTo(412);
    }

    @Test
    void aMissingIfMatchOrAStarIsPreconditionRequired() {
        for (String header : new String[] {null, " ", "*"}) {
            assertThatThrownBy(() -> VersionETags.versionsNamedBy(header))
                    .isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
                        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
                        assertThat(refused.getBody().getType().toString()).endsWith("/precondition-required");
                    });
        }
    }
}
