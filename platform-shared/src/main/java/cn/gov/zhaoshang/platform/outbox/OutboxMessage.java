package cn.gov.zhaoshang.platform.outbox;

/**
 * What the outbox stores for one event: enough to send it without parsing it again.
 * The outbox library keys its handler dispatch on this class's name, so it must not move.
 *
 * @param type       the event type, which decides the topic
 * @param key        the Kafka record key (the aggregate id)
 * @param cloudEvent the complete structured CloudEvent JSON
 */
public record OutboxMessage(String type, String key, String cloudEvent) {
}
