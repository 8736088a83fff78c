package cn.gov.zhaoshang.platform.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhaoshang.platform.errors.PreconditionFailedException;
import cn.gov.zhaoshang.platform.errors.PreconditionRequiredException;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void aVersionIsAStrongEntityTagAndAnyTagOfTheHeaderMayNameIt() {
        assertThat(IfMatch.entityTag(7)).isEqualTo("\"7\"");
        assertThatCode(() -> IfMatch.required("\"7\"").check(7)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.required(" \"3\" , \"4\"").check(4)).doesNotThrowAnyException();
    }

    @Test
    void anotherVersionAWeakTagOrAForeignTagIsPreconditionFailedWithTheCurrentTag() {
        for (String header : new String[] {"\"6\"", "W/\"7\"", "\"abc\", 7"}) {
            assertThatThrownBy(() -> IfMatch.required(header).check(7))
                    .isInstanceOfSatisfying(PreconditionFailedException.class,
                            stale -> assertThat(stale.currentEntityTag()).isEqualTo("\"7\""));
        }
    }

    @Test
    void aMissingHeaderOrAStarIsPreconditionRequiredWhileTheInternalAnyMatchesEveryVersion() {
        for (String header : new String[] {null, " ", "*", "\"3\", *"}) {
            assertThatThrownBy(() -> IfMatch.required(header)).isInstanceOf(PreconditionRequiredException.class);
        }
        assertThatCode(() -> IfMatch.ANY.check(12)).doesNotThrowAnyException();
    }
}
