package cn.gov.zhaoshang.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsAndEventTypesTest {

    @Test
    void allListsEveryTopicConstant() {
        assertThat(Topics.ALL)
                .containsExactly("zhaoshang.project.v1", "zhaoshang.enterprise.v1",
                        "zhaoshang.targets.v1", "zhaoshang.report.v1")
                .containsExactlyInAnyOrderElementsOf(stringConstantsOf(Topics.class));
    }

    @Test
    void deadLetterTopicAppendsDlt() {
        assertThat(Topics.deadLetterTopicOf(Topics.PROJECT)).isEqualTo("zhaoshang.project.v1.dlt");
        assertThat(Topics.ALL).noneMatch(topic -> topic.endsWith(".dlt"));
    }

    @Test
    void aDeadLetterTopicHasNoDeadLetterTopic() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.deadLetterTopicOf("zhaoshang.project.v1.dlt"));
    }

    @Test
    void allListsEveryEventTypeConstant() {
        assertThat(EventTypes.ALL).containsExactlyInAnyOrderElementsOf(stringConstantsOf(EventTypes.class));
        assertThat(EventTypes.PROJECT_REGISTERED).isEqualTo("cn.gov.zhaoshang.project.registered.v1");
    }

    @ParameterizedTest
    @CsvSource({
        "cn.gov.zhaoshang.project.registered.v1, zhaoshang.project.v1",
        "cn.gov.zhaoshang.enterprise.profile-updated.v1, zhaoshang.enterprise.v1",
        "cn.gov.zhaoshang.targets.assigned.v2, zhaoshang.targets.v1",
        "cn.gov.zhaoshang.report.period-closed.v1, zhaoshang.report.v1",
    })
    void topicOfMapsTheServiceSegmentToItsTopic(String eventType, String topic) {
        assertThat(EventTypes.topicOf(eventType)).isEqualTo(topic);
    }

    @Test
    void everyEventTypeMapsToAPublishedTopic() {
        assertThat(EventTypes.ALL).allSatisfy(type -> assertThat(Topics.ALL).contains(EventTypes.topicOf(type)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "cn.gov.zhaoshang.gateway.login.v1",
        "cn.gov.zhaoshang.projects.registered.v1",
        "cn.gov.zhaoshang.project.registered",
        "com.example.project.registered.v1",
        "cn.gov.zhaoshang.project.registered.v1.extra",
        ""
    })
    void topicOfRejectsUnknownServicesAndMalformedTypes(String eventType) {
        assertThatIllegalArgumentException().isThrownBy(() -> EventTypes.topicOf(eventType));
    }

    private static List<String> stringConstantsOf(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(field -> Modifier.isPublic(field.getModifiers())
                        && Modifier.isStatic(field.getModifiers())
                        && field.getType() == String.class)
                .map(TopicsAndEventTypesTest::valueOf)
                .toList();
    }

    private static String valueOf(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
