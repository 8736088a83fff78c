package cn.gov.zhaoshang.testsupport;

/**
 * Keeps the fast lane honest. Surefire ({@code ./mvnw -B test}) runs the unit and slice tests with the
 * system property {@value #PROPERTY} set to {@code fast}; a test there that tries to start
 * PostgreSQL, Kafka, the token issuer or a service process fails at once, naming the server and the
 * lane it belongs in. Failsafe ({@code *IT}, run by {@code ./mvnw -B verify}) and the local launcher
 * do not set it.
 */
public final class TestLane {

    public static final String PROPERTY = "platform.test-lane";

    private TestLane() {
    }

    static void refuseServerInFastLane(String server) {
        if ("fast".equals(System.getProperty(PROPERTY))) {
            throw new IllegalStateException("A test of the fast lane (surefire, ./mvnw -B test) tried to start " + server
                    + ". Tests that start servers belong in the integration phase: name the class *IT so that failsafe"
                    + " runs it in ./mvnw -B verify (docs/testing.md).");
        }
    }
}
