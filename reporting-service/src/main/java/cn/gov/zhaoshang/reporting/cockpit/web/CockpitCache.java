package cn.gov.zhaoshang.reporting.cockpit.web;

import java.time.Duration;
import java.time.YearMonth;

import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.reporting.readmodel.application.ReadModelVersion;
import cn.gov.zhaoshang.reporting.report.model.ReportPeriod;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The cockpit's answers, kept under the read-model version they were read at: a region's cockpit
 * takes 150 ms to compute and is asked by every officer opening the console, while its records
 * change only when an event is applied (docs/reporting.md, "Cockpit cache").
 *
 * <p>Never stale: a request first reads the current {@link ReadModelVersion} (one statement) and
 * takes a kept answer only under that version; any committed write to a read model has raised it,
 * on whichever replica, so an answer read before the write is never found again. A miss computes
 * the answer and keeps it under the version of the snapshot it was read from, not the one looked up.
 *
 * <p>The key holds everything the answer depends on: the unit as the controller read it (its code,
 * parent and path) and its parent (whose name the answer shows), both read in the request before the
 * snapshot, the period, the warning month (today's date enters the answer only through it) and the
 * version. The answer does not depend on the caller; the caller's scope is checked before
 * this is asked, so a caller outside it never reaches a kept answer.
 */
@Component
@EnableConfigurationProperties(CockpitCache.Settings.class)
public class CockpitCache {

    private final Cockpit cockpit;
    private final ReadModelVersion readModelVersion;
    private final OrgUnitDirectory orgUnits;
    private final Cache<Key, CockpitResponse> answers;

    public CockpitCache(Cockpit cockpit, ReadModelVersion readModelVersion, OrgUnitDirectory orgUnits, Settings settings,
            MeterRegistry meters) {
        this.cockpit = cockpit;
        this.readModelVersion = readModelVersion;
        this.orgUnits = orgUnits;
        // bounded in number; the expiry only frees the answers of versions no request will ask again
        this.answers = Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .expireAfterWrite(settings.expireAfterWrite())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, answers, "reporting.cockpit");
    }

    /**
     * @param maximumSize      answers kept (a region's is about 100 kB of JSON, a county's 20 kB)
     * @param expireAfterWrite how long an answer is kept at most
     */
    @ConfigurationProperties("zhaoshang.reporting.cockpit-cache")
    public record Settings(Long maximumSize, Duration expireAfterWrite) {
        public Settings {
            maximumSize = maximumSize == null ? 500L : maximumSize;
            expireAfterWrite = expireAfterWrite == null ? Duration.ofMinutes(10) : expireAfterWrite;
        }
    }

    record Key(OrgUnit unit, OrgUnit parent, ReportPeriod period, YearMonth warningMonth, long readModelVersion) {
    }

    /** The cockpit of a unit within the caller's scope (checked by the caller of this method). */
    public CockpitResponse of(OrgUnit unit, ReportPeriod period) {
        // no statement when the parent is the caller's own unit: the directory keeps the units a request read
        OrgUnit parent = orgUnits.find(unit.parentCode()).orElse(null);
        YearMonth warningMonth = cockpit.warningMonth(period);
        CockpitResponse kept = answers.getIfPresent(new Key(unit, parent, period, warningMonth, readModelVersion.current()));
        if (kept != null) {
            return kept;
        }
        Cockpit.Versioned computed = cockpit.of(unit, parent, period, warningMonth);
        answers.put(new Key(unit, parent, period, warningMonth, computed.readModelVersion()), computed.answer());
        return computed.answer();
    }
}
