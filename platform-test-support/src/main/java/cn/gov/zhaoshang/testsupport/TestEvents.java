package cn.gov.zhaoshang.testsupport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** Events as an owning service's outbox writes them, for tests that play that service on the real topics. */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestEvents() {
    }

    /**
     * The CloudEvents envelope (JSON) of one event, with a fresh id and the current time.
     *
     * @param source  the owning service, e.g. {@code /zhaoshang/targets-service}
     * @param subject the aggregate's id, which the outbox also uses as the record key
     */
    public static String envelope(String type, String source, String subject, String orgpath, Map<String, Object> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("source", source);
        envelope.put("type", type);
        envelope.put("subject", subject);
        envelope.put("time", Instant.now().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("orgpath", orgpath);
        envelope.put("data", data);
        return JSON.writeValueAsString(envelope);
    }
}
