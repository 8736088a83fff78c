package cn.gov.zhaoshang.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the JVM's real servers before Spring builds a context, and hands their coordinates to
 * Spring as system properties. Each test JVM serves one service, whose database is "service".
 */
public final class RealServersExtension implements BeforeAllCallback {

    static final String DATABASE = "service";

    @Override
    public void beforeAll(ExtensionContext context) {
        PlatformServers.serviceProperties(DATABASE).forEach(System::setProperty);
    }
}
