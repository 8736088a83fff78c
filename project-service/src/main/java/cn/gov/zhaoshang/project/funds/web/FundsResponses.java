package cn.gov.zhaoshang.project.funds.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.project.funds.application.FundsInPlace;
import cn.gov.zhaoshang.project.funds.model.FundsVersion;
import cn.gov.zhaoshang.project.funds.model.MonthlyFunds;

/** The funds DTOs; amounts are decimal strings in yuan. */
public final class FundsResponses {

    private FundsResponses() {
    }

    /** One version of a month. */
    public record VersionResponse(String month, int version, String amount, String evidenceType, String evidenceNumber,
            LocalDate evidenceDate, String reason, Instant reportedAt, String reportedBy) {

        static VersionResponse of(FundsVersion version) {
            return new VersionResponse(version.month().toString(), version.version(), version.amount().toPlainString(),
                    version.evidenceType().name(), version.evidenceNumber(), version.evidenceDate(), version.reason(),
                    version.reportedAt(), version.reportedBy());
        }
    }

    /** A month: the amount that counts (its latest version) and every version, oldest first. */
    public record MonthResponse(String month, String amount, int version, List<VersionResponse> history) {

        static MonthResponse of(MonthlyFunds month) {
            FundsVersion latest = month.latest().orElseThrow();
            return new MonthResponse(month.month().toString(), latest.amount().toPlainString(), latest.version(),
                    month.versions().stream().map(VersionResponse::of).toList());
        }
    }

    /** The month's total of the projects in the caller's scope. */
    public record MonthTotalResponse(String month, String orgUnit, String total, long projects) {
    }

    /** What a month's batch did: how many months were reported, corrected or left unchanged, and each row's outcome in order. */
    public record MonthBatchResponse(String month, int reported, int corrected, int unchanged, List<RowOutcome> rows) {

        static MonthBatchResponse of(YearMonth month, List<FundsInPlace.MonthOutcome> outcomes) {
            return new MonthBatchResponse(month.toString(), count(outcomes, FundsInPlace.Change.REPORTED),
                    count(outcomes, FundsInPlace.Change.CORRECTED), count(outcomes, FundsInPlace.Change.UNCHANGED),
                    outcomes.stream().map(outcome -> new RowOutcome(outcome.projectId(), outcome.change().name(),
                            VersionResponse.of(outcome.version()))).toList());
        }

        private static int count(List<FundsInPlace.MonthOutcome> outcomes, FundsInPlace.Change change) {
            return (int) outcomes.stream().filter(outcome -> outcome.change() == change).count();
        }
    }

    /** One row of a batch: REPORTED, CORRECTED or UNCHANGED, with the version that counts now. */
    public record RowOutcome(UUID projectId, String change, VersionResponse version) {
    }
}
