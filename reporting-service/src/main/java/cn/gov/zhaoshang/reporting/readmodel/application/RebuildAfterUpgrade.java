package cn.gov.zhaoshang.reporting.readmodel.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read models once when a migration marked them as incomplete
 * ({@code V3__rebuild_after_upgrade.sql}), then clears the mark. A failed rebuild keeps the mark
 * and is tried again at the next start.
 */
@Component
public class RebuildAfterUpgrade {

    private static final Logger log = LoggerFactory.getLogger(RebuildAfterUpgrade.class);
    static final String MARK = "rebuild-required";

    private final JdbcClient jdbc;
    private final ReadModelRebuild rebuild;

    public RebuildAfterUpgrade(JdbcClient jdbc, ReadModelRebuild rebuild) {
        this.jdbc = jdbc;
        this.rebuild = rebuild;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfMarked() {
        boolean marked = jdbc.sql("SELECT count(*) FROM read_model_state WHERE name = :name")
                .param("name", MARK).query(Long.class).single() > 0;
        if (!marked) {
            return;
        }
        log.info("the read models were marked incomplete by an upgrade: rebuilding them from the topics");
        ReadModelRebuild.Result result = rebuild.rebuild();
        jdbc.sql("DELETE FROM read_model_state WHERE name = :name").param("name", MARK).update();
        log.info("rebuild after upgrade done: {}", rebuild.describe(result));
    }
}
