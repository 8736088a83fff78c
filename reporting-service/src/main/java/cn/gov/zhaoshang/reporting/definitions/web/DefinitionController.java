package cn.gov.zhaoshang.reporting.definitions.web;

import cn.gov.zhaoshang.reporting.definitions.application.DefinitionLookup;
import cn.gov.zhaoshang.reporting.definitions.model.DefinitionRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import cn.gov.zhaoshang.platform.security.ReportReaderRole;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The definition versions as reporting knows them: {@code GET /api/reports/definitions} and
 * {@code GET /api/reports/definitions/in-force?date=2026-10-31}. The definitions hold for the whole
 * region, so every reader may see them.
 */
@RestController
@RequestMapping("/api/reports/definitions")
public class DefinitionController {

    static final SortOrders SORT_ORDERS = SortOrders.of(
            "version,asc", "version ASC", "version,desc", "version DESC",
            "effectiveFrom,asc", "effective_from ASC, version ASC", "effectiveFrom,desc", "effective_from DESC, version DESC");

    private final DefinitionLookup versions;

    public DefinitionController(DefinitionLookup versions) {
        this.versions = versions;
    }

    @GetMapping
    @ReportReaderRole
    public PageResponse<DefinitionResponse> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "version,desc") String sort) {
        SortOrders.Order order = Paging.check(page, size, sort, SORT_ORDERS);
        List<DefinitionResponse> items = versions.page(order.orderBy(), page, size).stream().map(DefinitionResponse::of).toList();
        return new PageResponse<>(items, page, size, versions.count(), order.apiName());
    }

    @GetMapping("/in-force")
    @ReportReaderRole
    public DefinitionResponse inForce(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return versions.inForceOn(date).map(DefinitionResponse::of)
                .orElseThrow(() -> new NotFoundException("metric definition version in force on", date));
    }

    /**
     * @param defaultRules true when the published event carried no rules and metrics.md's defaults apply
     */
    public record DefinitionResponse(int version, String effectiveFrom, List<String> figureCodes,
            String yellowBelowGapPoints, String redBelowGapPoints, String rankingMethod,
            Map<String, String> rankingWeights, String rankingCap, int closeDeadlineDayOfNextMonth, boolean defaultRules) {

        static DefinitionResponse of(DefinitionRules rules) {
            Map<String, String> weights = new LinkedHashMap<>();
            rules.rankingWeights().forEach((code, weight) -> weights.put(code, plain(weight)));
            return new DefinitionResponse(rules.version(), rules.effectiveFrom().toString(), rules.figureCodes(),
                    plain(rules.yellowBelowGapPoints()), plain(rules.redBelowGapPoints()), rules.rankingMethod().name(),
                    weights, rules.rankingCap() == null ? null : plain(rules.rankingCap()),
                    rules.closeDeadlineDay(), rules.defaultRules());
        }

        private static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }
    }
}
