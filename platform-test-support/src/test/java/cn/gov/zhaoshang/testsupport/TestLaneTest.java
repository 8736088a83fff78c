package cn.gov.zhaoshang.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In the fast lane every way a test starts a server fails before anything starts. */
class TestLaneTest {

    @BeforeEach
    void onlyInTheFastLane() {
        // elsewhere (an IDE, failsafe) these calls would really start the servers
        assumeTrue("fast".equals(System.getProperty(TestLane.PROPERTY)), "runs in surefire's fast lane");
    }

    @Test
    void postgresqlIsRefused() {
        assertThatThrownBy(PostgresServer::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tried to start PostgreSQL").hasMessageContaining("*IT");
        assertThatThrownBy(() -> PlatformServers.serviceProperties("service"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("A test of the fast lane");
    }

    @Test
    void kafkaIsRefused() {
        assertThatThrownBy(KafkaNode::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tried to start a Kafka broker");
        assertThatThrownBy(KafkaNode::startInOwnJvm).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tried to start a Kafka broker");
    }

    @Test
    void theTokenIssuerAndServiceProcessesAreRefused() {
        assertThatThrownBy(TestIdentityProvider::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tried to start the test token issuer");
        assertThatThrownBy(() -> ServiceProcess.start(Path.of("service.jar"), "service", 1, Map.of(),
                Path.of("service.log"), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tried to start a service process");
    }
}
