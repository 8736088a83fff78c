package cn.gov.zhaoshang.enterprise.membership.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.membership.application.ListMemberships;
import cn.gov.zhaoshang.enterprise.membership.model.EnterpriseClass;
import cn.gov.zhaoshang.enterprise.membership.model.HeldClass;
import cn.gov.zhaoshang.enterprise.membership.model.ListEdition;
import cn.gov.zhaoshang.enterprise.membership.model.Membership;
import cn.gov.zhaoshang.enterprise.registry.web.EnterpriseController;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.EnterpriseReaderRole;
import cn.gov.zhaoshang.platform.security.OfficerOrAdminRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** List editions, their members, and the classes an enterprise held on a date. */
@RestController
public class MembershipController {

    private final ListMemberships memberships;
    private final CurrentCaller currentCaller;

    public MembershipController(ListMemberships memberships, CurrentCaller currentCaller) {
        this.memberships = memberships;
        this.currentCaller = currentCaller;
    }

    /** A published edition or batch of a list; {@code validYears} only for batches and certificates. */
    public record PublishEditionRequest(@NotNull EnterpriseClass enterpriseClass, @NotBlank @Size(max = 64) String edition,
            @NotNull LocalDate publishedOn, @Min(1) Integer validYears) {
    }

    public record EditionResponse(UUID id, String enterpriseClass, String labelZh, String validityKind, String edition,
            LocalDate publishedOn, Integer validYears) {
        static EditionResponse of(ListEdition edition) {
            return new EditionResponse(edition.id(), edition.enterpriseClass().name(), edition.enterpriseClass().labelZh(),
                    edition.enterpriseClass().validityKind().name(), edition.edition(), edition.publishedOn(),
                    edition.validYears());
        }
    }

    public record AddMemberRequest(@NotNull UUID enterpriseId, @Min(1) Integer rank, LocalDate validFrom,
            LocalDate validUntil) {
    }

    public record MembershipResponse(UUID id, UUID editionId, String enterpriseClass, String edition, UUID enterpriseId,
            Integer rank, LocalDate validFrom, LocalDate validUntil) {
        static MembershipResponse of(Membership m) {
            return new MembershipResponse(m.id(), m.edition().id(), m.edition().enterpriseClass().name(),
                    m.edition().edition(), m.enterpriseId(), m.rank(), m.validFrom(), m.validUntil());
        }
    }

    public record HeldClassResponse(String enterpriseClass, String labelZh, UUID membershipId, UUID heldBy,
            boolean inherited, String edition, Integer rank, LocalDate publishedOn, LocalDate validFrom,
            LocalDate validUntil) {
        static HeldClassResponse of(HeldClass held) {
            return new HeldClassResponse(held.enterpriseClass().name(), held.enterpriseClass().labelZh(),
                    held.membershipId(), held.heldBy(), held.inherited(), held.edition(), held.rank(),
                    held.publishedOn(), held.validFrom(), held.validUntil());
        }
    }

    public record ClassesOnResponse(UUID enterpriseId, LocalDate on, List<HeldClassResponse> classes) {
    }

    @PostMapping("/api/list-editions")
    @OfficerOrAdminRole
    public ResponseEntity<EditionResponse> publish(@Valid @RequestBody PublishEditionRequest request) {
        ListEdition edition = memberships.publishEdition(request.enterpriseClass(), request.edition(),
                request.publishedOn(), request.validYears(), currentCaller.scope());
        return ResponseEntity.created(URI.create("/api/list-editions/" + edition.id())).body(EditionResponse.of(edition));
    }

    @GetMapping("/api/list-editions/{id}")
    @EnterpriseReaderRole
    public EditionResponse edition(@PathVariable UUID id) {
        currentCaller.scope();
        return EditionResponse.of(memberships.edition(id));
    }

    @PostMapping("/api/list-editions/{id}/members")
    @OfficerOrAdminRole
    public ResponseEntity<MembershipResponse> addMember(@PathVariable UUID id, @Valid @RequestBody AddMemberRequest request) {
        Membership membership = memberships.add(id, request.enterpriseId(), request.rank(), request.validFrom(),
                request.validUntil(), currentCaller.scope());
        return ResponseEntity.created(URI.create("/api/memberships/" + membership.id())).body(MembershipResponse.of(membership));
    }

    @DeleteMapping("/api/memberships/{id}")
    @OfficerOrAdminRole
    public ResponseEntity<Void> remove(@PathVariable UUID id) {
        memberships.remove(id, currentCaller.scope());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/enterprises/{id}/classes")
    @EnterpriseReaderRole
    public ClassesOnResponse classesOn(@PathVariable UUID id, @RequestParam LocalDate on) {
        currentCaller.scope();
        return new ClassesOnResponse(id, on, memberships.classesOn(id, on).stream().map(HeldClassResponse::of).toList());
    }
}
