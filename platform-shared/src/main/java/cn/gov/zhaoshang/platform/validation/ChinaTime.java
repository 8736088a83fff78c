package cn.gov.zhaoshang.platform.validation;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.validation.ClockProvider;

/**
 * Bean validation's "now" for the date rules ({@code @PastOrPresent}, {@code @FutureOrPresent}) is
 * the time in China, where the bureaus work: on a server whose zone is UTC, the day lags China's by
 * eight hours, and from 00:00 to 08:00 China time an officer entering today's date was refused as a
 * date in the future.
 */
public final class ChinaTime implements ClockProvider {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    /** @param clock the instant's source (the system's clock; a fixed one in tests) */
    public ChinaTime(Clock clock) {
        this.clock = clock.withZone(ZONE);
    }

    @Override
    public Clock getClock() {
        return clock;
    }
}
