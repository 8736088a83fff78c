package cn.gov.zhaoshang.targets.definitions.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Set;

import cn.gov.zhaoshang.platform.security.Caller;
import cn.gov.zhaoshang.targets.definitions.infrastructure.DefinitionVersionRepository;
import cn.gov.zhaoshang.targets.definitions.model.DefinitionContent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the first start, publishes version 1: the defaults of metrics.md
 * ({@code metric-definitions/default-v1.json}), in force from {@link #DEFAULT_EFFECTIVE_FROM}.
 * It runs once the application has started, after the org tree (whose region the event names) is loaded.
 */
@Component
public class DefaultDefinitionsLoader {

    static final String DEFAULTS = "metric-definitions/default-v1.json";
    static final LocalDate DEFAULT_EFFECTIVE_FROM = LocalDate.of(2000, 1, 1);
    private static final Caller DEFAULTS_LOAD = new Caller("system:defaults-load", null, Set.of());

    private final DefinitionVersionRepository versions;
    private final MetricDefinitions definitions;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;

    public DefaultDefinitionsLoader(DefinitionVersionRepository versions, MetricDefinitions definitions, JdbcClient jdbc,
            JsonMapper json, TransactionTemplate transactions) {
        this.versions = versions;
        this.definitions = definitions;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void loadDefaultsOnce() {
        transactions.executeWithoutResult(status -> {
            if (!versions.all().isEmpty()) {
                return;
            }
            String region = jdbc.sql("SELECT code FROM org_unit WHERE parent_code IS NULL ORDER BY code LIMIT 1")
                    .query(String.class).single();
            int version = versions.insertDraft(DEFAULT_EFFECTIVE_FROM, defaults(), DEFAULTS_LOAD.username(),
                    java.time.Instant.now());
            definitions.publish(versions.find(version).orElseThrow(), DEFAULTS_LOAD, region);
        });
    }

    /** The defaults of metrics.md as shipped with the service. */
    public DefinitionContent defaults() {
        try (InputStream in = new ClassPathResource(DEFAULTS).getInputStream()) {
            return json.readValue(in, DefinitionContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
