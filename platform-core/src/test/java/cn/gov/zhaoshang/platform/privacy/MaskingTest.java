package cn.gov.zhaoshang.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void aPhoneKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("+86 138-1234-5678")).isEqualTo("861****5678");
        assertThat(Masking.phone("12345")).isEqualTo("*****");
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void aNameKeepsOnlyItsFirstCharacter() {
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
        assertThat(Masking.name("李")).isEqualTo("李*");
        assertThat(Masking.name("Li Wei")).isEqualTo("L*****");
    }

    @Test
    void anEmailKeepsItsFirstCharacterAndDomain() {
        assertThat(Masking.email("zhang.san@example.cn")).isEqualTo("z***@example.cn");
        assertThat(Masking.email("broken")).isEqualTo("***");
    }
}
