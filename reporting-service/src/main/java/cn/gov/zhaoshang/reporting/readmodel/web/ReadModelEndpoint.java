package cn.gov.zhaoshang.reporting.readmodel.web;

import cn.gov.zhaoshang.reporting.readmodel.application.ReadModelRebuild;
import cn.gov.zhaoshang.reporting.readmodel.application.ReadModelReconcile;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * Admin commands (role admin, like every actuator endpoint but health):
 * {@code POST /actuator/readmodels/rebuild} rebuilds the read models from the topics, and
 * {@code GET /actuator/readmodels/reconcile} compares their totals with the project topic.
 */
@Component
@Endpoint(id = "readmodels")
public class ReadModelEndpoint {

    private final ReadModelRebuild rebuild;
    private final ReadModelReconcile reconcile;

    public ReadModelEndpoint(ReadModelRebuild rebuild, ReadModelReconcile reconcile) {
        this.rebuild = rebuild;
        this.reconcile = reconcile;
    }

    @WriteOperation
    public Map<String, Object> run(@Selector String command) {
        if (!"rebuild".equals(command)) {
            throw new IllegalArgumentException("unknown command " + command + " (rebuild)");
        }
        return rebuild.describe(rebuild.rebuild());
    }

    @ReadOperation
    public Map<String, Object> check(@Selector String command) {
        if (!"reconcile".equals(command)) {
            throw new IllegalArgumentException("unknown command " + command + " (reconcile)");
        }
        ReadModelReconcile.Result result = reconcile.reconcile();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventsRead", result.eventsRead());
        body.put("unitYearsCompared", result.unitYearsCompared());
        body.put("differences", result.differences());
        return body;
    }
}
