package cn.gov.zhaoshang.platform.config;

import java.time.Clock;

import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.platform.audit.AuditController;
import cn.gov.zhaoshang.platform.audit.AuditLog;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.consumption.DeadLetterRedriveEndpoint;
import cn.gov.zhaoshang.platform.consumption.IdempotentConsumer;
import cn.gov.zhaoshang.platform.events.EventJson;
import cn.gov.zhaoshang.platform.events.MalformedEventException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitEventsListener;
import cn.gov.zhaoshang.platform.teams.ResidentTeamDirectory;
import cn.gov.zhaoshang.platform.teams.ResidentTeamEventsListener;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitReferenceSeeder;
import cn.gov.zhaoshang.platform.orgunits.ReferenceDivisions;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.outbox.KafkaOutboxRelay;
import cn.gov.zhaoshang.platform.outbox.OutboxMetrics;
import cn.gov.zhaoshang.platform.outbox.OutboxWakeUp;
import cn.gov.zhaoshang.platform.outbox.TraceContextCarrier;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.References;
import cn.gov.zhaoshang.platform.validation.MoneyAmountSchema;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.namastack.outbox.Outbox;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service gets by depending on the shared library: event envelope and outbox,
 * idempotent consumption with dead-lettering, the local org-unit tree and the caller's scope, and
 * the audit trail. Token validation is {@link PlatformSecurityAutoConfiguration}'s, problem details
 * {@link ProblemDetailsAutoConfiguration}'s. A service replaces any of these beans by declaring its own.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

    // --- events and the outbox

    @Bean
    @ConditionalOnMissingBean
    EventJson eventJson(JsonMapper json) {
        return new EventJson(json);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(Outbox outbox, EventJson json, OrgUnitDirectory orgUnits, Clock clock,
            PlatformProperties properties, OutboxWakeUp wakeUp) {
        return new EventPublisher(outbox, json, orgUnits, clock, properties, wakeUp);
    }

    @Bean
    @ConditionalOnMissingBean
    TraceContextCarrier traceContextCarrier(Tracer tracer, Propagator propagator) {
        return new TraceContextCarrier(tracer, propagator);
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaOutboxRelay kafkaOutboxRelay(KafkaTemplate<String, String> kafka, TraceContextCarrier traces) {
        return new KafkaOutboxRelay(kafka, traces);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxMetrics outboxMetrics(JdbcClient jdbc) {
        return new OutboxMetrics(jdbc);
    }

    // --- consumption

    @Bean
    @ConditionalOnMissingBean
    IdempotentConsumer idempotentConsumer(JdbcClient jdbc) {
        return new IdempotentConsumer(jdbc);
    }

    /**
     * An event that cannot be applied is tried {@code zhaoshang.events.consumer.max-attempts} times
     * (a malformed one only once), then published to {@code <topic>.dlt} with the error in its headers
     * ({@code kafka_dlt-exception-*}, original topic, partition and offset), and the consumer goes on
     * with the next record. Spring Boot hands this handler to every listener container.
     */
    @Bean
    @ConditionalOnMissingBean
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, String> kafka, PlatformProperties properties) {
        PlatformProperties.Consumer consumer = properties.events().consumer();
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetterTopicOf(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(consumer.retryInterval().toMillis(), Math.max(0, consumer.maxAttempts() - 1)));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterRedriveEndpoint deadLetterRedriveEndpoint(KafkaTemplate<String, String> kafka, KafkaProperties kafkaProperties,
            @Value("${spring.application.name}") String service) {
        return new DeadLetterRedriveEndpoint(kafka, kafkaProperties, service);
    }

    // --- the local org-unit tree and the caller's scope in it

    @Bean
    @ConditionalOnMissingBean
    OrgUnitDirectory orgUnitDirectory(JdbcClient jdbc) {
        return new OrgUnitDirectory(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    ReferenceDivisions referenceDivisions() {
        return new ReferenceDivisions();
    }

    @Bean
    @ConditionalOnMissingBean
    OrgUnitReferenceSeeder orgUnitReferenceSeeder(OrgUnitDirectory directory, ReferenceDivisions reference,
            TransactionTemplate transactions) {
        return new OrgUnitReferenceSeeder(directory, reference, transactions);
    }

    /** The owner of the tree, targets-service, switches it off with {@code zhaoshang.org-units.follow-events=false}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "zhaoshang.org-units.follow-events", havingValue = "true", matchIfMissing = true)
    OrgUnitEventsListener orgUnitEventsListener(EventJson json, IdempotentConsumer idempotent, OrgUnitDirectory directory,
            PlatformProperties properties) {
        return new OrgUnitEventsListener(json, idempotent, directory, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ResidentTeamDirectory residentTeamDirectory(JdbcClient jdbc) {
        return new ResidentTeamDirectory(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    References references(OrgUnitDirectory orgUnits, ResidentTeamDirectory teams) {
        return new References(orgUnits, teams);
    }

    /** The local copy of the resident teams follows targets-service's events where a service switches it on. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "zhaoshang.teams.follow-events", havingValue = "true")
    ResidentTeamEventsListener residentTeamEventsListener(EventJson json, ResidentTeamDirectory teams, PlatformProperties properties) {
        return new ResidentTeamEventsListener(json, teams, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    CurrentCaller currentCaller(OrgUnitDirectory orgUnits) {
        return new CurrentCaller(orgUnits);
    }

    // --- request rules in the OpenAPI document

    @Bean
    @ConditionalOnMissingBean
    MoneyAmountSchema moneyAmountSchema() {
        return new MoneyAmountSchema();
    }

    // --- audit

    @Bean
    @ConditionalOnMissingBean
    AuditTrail auditTrail(JdbcClient jdbc, JsonMapper json) {
        return new AuditTrail(jdbc, json);
    }

    /** The audit trail for auditors, under the service's own path ({@code zhaoshang.audit.path}). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("zhaoshang.audit.path")
    AuditLog auditLog(JdbcClient jdbc, JsonMapper json, AuditTrail audit, @Value("${spring.application.name}") String service) {
        return new AuditLog(jdbc, json, audit, service);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("zhaoshang.audit.path")
    AuditController auditController(AuditLog log, CurrentCaller currentCaller, References references) {
        return new AuditController(log, currentCaller, references);
    }
}
