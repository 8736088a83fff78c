package cn.gov.zhaoshang.project.library.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.gov.zhaoshang.platform.validation.MoneyAmount;
import cn.gov.zhaoshang.project.library.application.ProjectLifecycle.MoveStage;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A stage move. {@code date} is when the stage was reached (the signing date into SIGNED, the start
 * date into STARTED); {@code contractAmount} is needed into SIGNED; {@code evidence} into SIGNED,
 * LANDED and STARTED.
 */
public record MoveStageRequest(
        @NotNull ProjectStage to,
        @NotNull @PastOrPresent LocalDate date,
        @MoneyAmount
        @DecimalMin(value = "0.01", message = "must be positive")
        String contractAmount,
        @Valid EvidenceRequest evidence,
        @Size(max = 1000) String reason) {

    MoveStage toCommand() {
        return new MoveStage(to, date, contractAmount == null ? null : new BigDecimal(contractAmount),
                evidence == null ? null : evidence.toEvidence(), reason);
    }
}
