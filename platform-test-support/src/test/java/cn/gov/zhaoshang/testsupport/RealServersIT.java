package cn.gov.zhaoshang.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class RealServersIT {

    @Test
    void postgresDatabasesHaveUtf8CharacterTypeAndLtree() throws Exception {
        String url = PlatformServers.postgres().database("support_check");
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS ltree");
            ResultSet rs = statement.executeQuery(
                    "SELECT datctype, '450000.450800.450881'::ltree <@ '450000.450800'::ltree FROM pg_database WHERE datname = current_database()");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("C.UTF-8");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    /** Issue 25, finding 10: the local platform's PostgreSQL asks its superuser for the password, before and after a restart. */
    @Test
    void aServerWithASuperuserPasswordRefusesConnectionsWithoutIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data)
            throws Exception {
        int port = FreePorts.next();
        String password = "local-" + java.util.UUID.randomUUID();
        for (int start = 1; start <= 2; start++) {
            try (PostgresServer server = PostgresServer.start(data.resolve("pg"), port, password)) {
                String url = server.database("password_check");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverManager.getConnection(url, PostgresServer.USER, "postgres").close())
                        .as("start %d: the well-known password", start).hasMessageContaining("password authentication failed");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=" + PostgresServer.USER).close())
                        .as("start %d: no password", start).isInstanceOf(java.sql.SQLException.class);
                try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, password)) {
                    assertThat(connection.isValid(5)).isTrue();
                }
            }
        }
    }

    @Test
    void kafkaNodeKeepsItsRecordsAcrossARestart() throws Exception {
        try (KafkaNode node = KafkaNode.start()) {
            assertKeepsRecordsAcrossARestart(node, "restart-check");
        }
    }

    @Test
    void kafkaNodeInItsOwnJvmKeepsItsRecordsAcrossARestart() throws Exception {
        try (KafkaNode node = KafkaNode.startInOwnJvm()) {
            assertThat(node.isRunning()).isTrue();
            assertKeepsRecordsAcrossARestart(node, "own-jvm-check");
        }
    }

    private static void assertKeepsRecordsAcrossARestart(KafkaNode node, String topic) throws Exception {
        send(node, topic, "before");
        node.stop();
        assertThat(node.isRunning()).isFalse();
        node.startAgain();
        send(node, topic, "after");

        assertThat(readAll(node, topic, 2)).containsExactly("before", "after");
    }

    private static void send(KafkaNode node, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "same-key", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(KafkaNode node, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
