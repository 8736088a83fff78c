package cn.gov.zhaoshang.platform.teams;

import java.util.Set;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.Topics;
import cn.gov.zhaoshang.contracts.targets.TeamChanged;
import cn.gov.zhaoshang.platform.config.PlatformProperties;
import cn.gov.zhaoshang.platform.events.EventEnvelope;
import cn.gov.zhaoshang.platform.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps this service's local copy of the resident teams current from the team-defined/-changed
 * events of targets-service, the teams' owner. Each event carries the whole team; the copy keeps the
 * state of the latest event by its time, so a repeated or late event changes nothing, without the
 * processed-event table (which is one per service, and which reporting's read models already use
 * for these events).
 *
 * <p>It reads in a consumer group of its own ({@code <application>.teams}). A service switches it on
 * with {@code zhaoshang.teams.follow-events=true}; the owner never does.
 */
public class ResidentTeamEventsListener {

    static final Set<String> TEAM_EVENTS = Set.of(EventTypes.TARGETS_TEAM_DEFINED, EventTypes.TARGETS_TEAM_CHANGED);

    private final EventJson json;
    private final ResidentTeamDirectory teams;
    private final String ownSource;

    public ResidentTeamEventsListener(EventJson json, ResidentTeamDirectory teams, PlatformProperties properties) {
        this.json = json;
        this.teams = teams;
        this.ownSource = properties.events().source();
    }

    @KafkaListener(id = "resident-team-local-copy", topics = Topics.TARGETS, groupId = "${spring.application.name}.teams")
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope event = json.read(record.value());
        if (!TEAM_EVENTS.contains(event.type()) || event.source().equals(ownSource)) {
            return;
        }
        TeamChanged team = json.dataAs(event, TeamChanged.class);
        teams.upsert(new ResidentTeam(team.teamId(), team.orgUnit(), team.name(), team.keyArea(), team.closed()), event.time());
    }
}
