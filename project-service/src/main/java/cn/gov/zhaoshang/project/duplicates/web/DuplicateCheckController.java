package cn.gov.zhaoshang.project.duplicates.web;

import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OfficerRole;
import cn.gov.zhaoshang.project.duplicates.application.DuplicateQuestions;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The registration form's duplicate check before it submits: audited, and limited per user (429). */
@RestController
public class DuplicateCheckController {

    private final DuplicateQuestions questions;
    private final CurrentCaller currentCaller;

    public DuplicateCheckController(DuplicateQuestions questions, CurrentCaller currentCaller) {
        this.questions = questions;
        this.currentCaller = currentCaller;
    }

    @PostMapping("/api/projects/duplicate-check")
    @OfficerRole
    public DuplicateCheckResponse check(@Valid @RequestBody DuplicateCheckRequest request) {
        return DuplicateCheckResponse.of(questions.ask(request.toQuestion(), currentCaller.scope()));
    }
}
