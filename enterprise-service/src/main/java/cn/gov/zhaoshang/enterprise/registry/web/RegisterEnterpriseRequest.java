package cn.gov.zhaoshang.enterprise.registry.web;

import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.registry.application.EnterpriseRegistration.RegisterEnterprise;
import cn.gov.zhaoshang.enterprise.registry.model.Ownership;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An enterprise to register: a USCC for a Chinese enterprise, or a country and a registration number
 * for a foreign one. The USCC's check character is verified by the registration, which names the
 * expected character.
 */
public record RegisterEnterpriseRequest(
        @Size(min = 18, max = 18, message = "a USCC has 18 characters") String uscc,
        @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 country code such as DE") String country,
        @Size(min = 1, max = 64) String registrationNumber,
        @NotBlank @Size(max = 200) String nameZh,
        @Size(max = 300) String nameEn,
        List<@NotBlank @Size(max = 200) String> formerNames,
        @Pattern(regexp = "^[0-9]{6}$", message = "must be a 6-digit administrative division code") String headquartersAdminCode,
        @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 country code") String headquartersCountry,
        Ownership ownership,
        @Pattern(regexp = "^[A-T](\\d{2}(\\d{1,2})?)?$", message = "must be a GB/T 4754 code such as C3963") String industryCode,
        List<@NotBlank @Size(max = 50) String> chainTags,
        Boolean listed,
        UUID parentId) {

    RegisterEnterprise toCommand() {
        return new RegisterEnterprise(uscc, country, registrationNumber, nameZh, nameEn, formerNames,
                headquartersAdminCode, headquartersCountry, ownership, industryCode, chainTags,
                Boolean.TRUE.equals(listed), parentId);
    }
}
