package cn.gov.zhaoshang.platform.events;


import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes envelopes and their data with the service's Jackson mapper. */
public class EventJson {

    private final JsonMapper mapper;

    public EventJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(EventEnvelope envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /**
     * Parses a record value; anything that is not a structured CloudEvent of spec 1.0 with an id,
     * source, type and data is malformed.
     */
    public EventEnvelope read(String json) {
        EventEnvelope envelope;
        try {
            envelope = mapper.readValue(json, EventEnvelope.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException("not a CloudEvent in JSON: " + e.getMessage(), e);
        }
        if (envelope == null || !EventEnvelope.SPEC_VERSION.equals(envelope.specversion())
                || isBlank(envelope.id()) || isBlank(envelope.source()) || isBlank(envelope.type())
                || envelope.data() == null || !envelope.data().isObject()) {
            throw new MalformedEventException("not a CloudEvent 1.0 with id, source, type and object data");
        }
        return envelope;
    }

    /** Converts an event's data to the contract record; a mismatch is a malformed event. */
    public <T> T dataAs(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + envelope.type() + " does not match its contract: "
                    + e.getMessage(), e);
        }
    }

    public tools.jackson.databind.JsonNode toTree(Object data) {
        return mapper.valueToTree(data);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
