package cn.gov.zhaoshang.platform.errors;

import java.net.URI;

/**
 * The {@code type} URIs of the platform's RFC 9457 problem details, the same at the gateway and in
 * every service: {@code https://zhaoshang.gov.cn/problems/<name>}.
 */
public final class ProblemTypes {

    public static final String TYPE_BASE = "https://zhaoshang.gov.cn/problems/";

    /** The identity provider's keys could not be fetched: 503 with {@code Retry-After}. */
    public static final String IDENTITY_PROVIDER_UNAVAILABLE = "identity-provider-unavailable";

    private ProblemTypes() {
    }

    /** @param name e.g. {@code validation}, {@code not-found} */
    public static URI type(String name) {
        return URI.create(TYPE_BASE + name);
    }
}
