package cn.gov.zhaoshang.enterprise.contact.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.gov.zhaoshang.enterprise.contact.application.ContactBook;
import cn.gov.zhaoshang.enterprise.contact.model.Contact;
import cn.gov.zhaoshang.enterprise.registry.web.EnterpriseController;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.EnterpriseReaderRole;
import cn.gov.zhaoshang.platform.security.OfficerOrAdminRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Contacts of enterprises: masked unless the caller is a {@code contacts-reader}; erased on request. */
@RestController
public class ContactController {

    private static final int EXPORT_LIMIT = 10_000;

    private final ContactBook contacts;
    private final CurrentCaller currentCaller;

    public ContactController(ContactBook contacts, CurrentCaller currentCaller) {
        this.contacts = contacts;
        this.currentCaller = currentCaller;
    }

    public record AddContactRequest(@NotBlank @Size(max = 100) String name, @Size(max = 100) String title,
            @Pattern(regexp = "^\\+?[0-9 -]{5,20}$", message = "must be a phone number such as 13812345678") String phone,
            @Email @Size(max = 255) String email) {
    }

    /** A contact as this caller may see it; {@code masked} says whether name, phone and e-mail are masked. */
    public record ContactResponse(UUID id, UUID enterpriseId, String name, String title, String phone, String email,
            boolean masked, Instant recordedAt) {
        static ContactResponse of(Contact contact, boolean clear) {
            return new ContactResponse(contact.id(), contact.enterpriseId(), contact.name(), contact.title(),
                    contact.phone(), contact.email(), !clear, contact.recordedAt());
        }
    }

    public record ContactPage(List<ContactResponse> items, int page, int size, long total, boolean masked) {
    }

    @PostMapping("/api/enterprises/{enterpriseId}/contacts")
    @OfficerOrAdminRole
    public ResponseEntity<ContactResponse> add(@PathVariable UUID enterpriseId, @Valid @RequestBody AddContactRequest request) {
        var scope = currentCaller.scope();
        Contact contact = contacts.add(enterpriseId, request.name(), request.title(), request.phone(), request.email(), scope);
        boolean clear = scope.caller().hasRole(cn.gov.zhaoshang.platform.security.Roles.CONTACTS_READER);
        return ResponseEntity.created(URI.create("/api/contacts/" + contact.id())).body(ContactResponse.of(contact, clear));
    }

    @GetMapping("/api/enterprises/{enterpriseId}/contacts")
    @EnterpriseReaderRole
    public ContactPage list(@PathVariable UUID enterpriseId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.checkRange(page, size);
        ContactBook.Visible visible = contacts.ofEnterprise(enterpriseId, page, size, currentCaller.scope());
        return new ContactPage(visible.contacts().stream().map(contact -> ContactResponse.of(contact, visible.clear())).toList(),
                page, size, visible.total(), !visible.clear());
    }

    @GetMapping("/api/contacts/{id}")
    @EnterpriseReaderRole
    public ContactResponse one(@PathVariable UUID id) {
        var scope = currentCaller.scope();
        boolean clear = scope.caller().hasRole(cn.gov.zhaoshang.platform.security.Roles.CONTACTS_READER);
        return ContactResponse.of(contacts.one(id, scope), clear);
    }

    /** The enterprise's contacts as CSV with Chinese headers, masked like the list. */
    @GetMapping("/api/enterprises/{enterpriseId}/contacts/export")
    @EnterpriseReaderRole
    public ResponseEntity<byte[]> export(@PathVariable UUID enterpriseId) {
        ContactBook.Visible visible = contacts.ofEnterprise(enterpriseId, 0, EXPORT_LIMIT, currentCaller.scope());
        String csv = Stream.concat(Stream.of("姓名,职务,电话,电子邮箱"),
                        visible.contacts().stream().map(contact -> String.join(",", csvField(contact.name()),
                                csvField(contact.title()), csvField(contact.phone()), csvField(contact.email()))))
                .collect(Collectors.joining("\r\n", "\uFEFF", "\r\n"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts-" + enterpriseId + ".csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Erasure on request (个人信息删除): the contact is gone, its enterprise and engagements stay. */
    @PostMapping("/api/contacts/{id}/erasure")
    @OfficerOrAdminRole
    public ResponseEntity<Void> erase(@PathVariable UUID id) {
        contacts.erase(id, currentCaller.scope());
        return ResponseEntity.noContent().build();
    }

    private static String csvField(String value) {
        if (value == null) {
            return "";
        }
        // A leading =, +, - or @ would be a formula in a spreadsheet.
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
