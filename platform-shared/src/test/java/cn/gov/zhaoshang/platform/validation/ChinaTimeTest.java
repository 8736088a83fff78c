package cn.gov.zhaoshang.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import cn.gov.zhaoshang.platform.config.InputRulesAutoConfiguration;
import jakarta.validation.ClockProvider;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.PastOrPresent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

/** A date an officer enters is judged by China's day, not by the server's UTC day (eight hours behind). */
class ChinaTimeTest {

    /** 04:30 on 8 December in China, still 7 December in UTC. */
    static final Instant EARLY_MORNING_IN_CHINA = Instant.parse("2026-12-07T20:30:00Z");

    record Evidence(@PastOrPresent LocalDate documentDate) {
    }

    @Test
    void todayInChinaIsNotInTheFutureThoughItIsTomorrowInUtc() {
        Validator china = validator(new ChinaTime(Clock.fixed(EARLY_MORNING_IN_CHINA, ZoneOffset.UTC)));
        assertThat(china.validate(new Evidence(LocalDate.parse("2026-12-08")))).isEmpty();
        assertThat(china.validate(new Evidence(LocalDate.parse("2026-12-09")))).hasSize(1);

        Validator utc = validator(() -> Clock.fixed(EARLY_MORNING_IN_CHINA, ZoneOffset.UTC));
        assertThat(utc.validate(new Evidence(LocalDate.parse("2026-12-08")))).as("what the services did before").hasSize(1);
    }

    @Test
    void theServicesValidatorTakesChinasTime() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, InputRulesAutoConfiguration.class))
                .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
                .run(context -> assertThat(context.getBean(ValidatorFactory.class).getClockProvider().getClock().getZone())
                        .isEqualTo(ChinaTime.ZONE));
    }

    private static Validator validator(ClockProvider clock) {
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure().clockProvider(clock).buildValidatorFactory()) {
            return factory.getValidator();
        }
    }
}
