package cn.gov.zhaoshang.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How a service takes requests, under {@code zhaoshang.web}.
 *
 * @param maxRequestBody the largest request body an operation accepts unless it says more
 *                       ({@code RequestBodyLimit}); the gateway's limit for JSON bodies, 1 MB
 */
@ConfigurationProperties("zhaoshang.web")
public record PlatformWebProperties(DataSize maxRequestBody) {

    public PlatformWebProperties {
        maxRequestBody = maxRequestBody == null ? DataSize.ofMegabytes(1) : maxRequestBody;
    }
}
