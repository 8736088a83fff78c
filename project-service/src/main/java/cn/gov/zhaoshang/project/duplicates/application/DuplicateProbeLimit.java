package cn.gov.zhaoshang.project.duplicates.application;

import java.time.Duration;

import cn.gov.zhaoshang.platform.errors.TooManyRequestsException;
import cn.gov.zhaoshang.platform.security.Caller;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how often one user may ask the duplicate rules without registering: the form's check and
 * the import preview share one budget per user. Each answer says at least whether a project may be
 * a duplicate, so an unlimited caller could probe other units' codes and phones by guessing. The
 * budget lives in this replica's memory, like the gateway's rate limits (docs/gateway.md).
 */
@Component
public class DuplicateProbeLimit {

    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public DuplicateProbeLimit(@Value("${zhaoshang.duplicate-probes.per-minute:20}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** @throws TooManyRequestsException when the caller has used this minute's budget */
    public void take(Caller caller) {
        Bucket bucket = buckets.get(caller.username(), ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("At most " + perMinute
                    + " duplicate checks and import previews a minute per user; try again later.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
