package cn.gov.zhaoshang.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;

/**
 * Starts the JVM's real servers before Spring builds a context, and hands their coordinates to
 * Spring as system properties. Each test JVM serves one service, whose database is "service".
 *
 * <p>Both callbacks do it because neither comes first in every case: with the default lifecycle
 * the class's {@code beforeAll} runs before any instance exists, but with
 * {@code @TestInstance(PER_CLASS)} Spring injects the instance, and so builds the context, before
 * {@code beforeAll}. Starting the servers is idempotent.
 */
public final class RealServersExtension implements BeforeAllCallback, TestInstancePreConstructCallback {

    static final String DATABASE = "service";

    @Override
    public void beforeAll(ExtensionContext context) {
        startServers();
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        startServers();
    }

    private static void startServers() {
        PlatformServers.serviceProperties(DATABASE).forEach(System::setProperty);
    }
}
