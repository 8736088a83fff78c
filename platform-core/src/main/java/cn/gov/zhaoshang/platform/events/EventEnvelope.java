package cn.gov.zhaoshang.platform.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as every topic of the platform carries it.
 *
 * @param id      unique together with {@code source}; consumers deduplicate on the pair
 * @param subject the aggregate id, also the Kafka record key
 * @param orgpath extension attribute: the org path of the unit the event belongs to, so that a
 *                subscriber can filter by region without reading {@code data}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String orgpath,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The Kafka {@code content-type} header value for structured-mode CloudEvents. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";
}
