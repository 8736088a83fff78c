package cn.gov.zhaoshang.platform.web;

import java.util.Map;

import cn.gov.zhaoshang.platform.config.PlatformSecurityAutoConfiguration;
import cn.gov.zhaoshang.platform.config.PlatformWebAutoConfiguration;
import cn.gov.zhaoshang.platform.config.ProblemDetailsAutoConfiguration;
import cn.gov.zhaoshang.platform.excel.Spreadsheets;
import cn.gov.zhaoshang.platform.security.OfficerRole;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service of the platform reduced to its web and security configuration (no database, no broker),
 * with three operations as the services declare them: a read, a JSON write for officers and a
 * spreadsheet upload for officers.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class, SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        PlatformSecurityAutoConfiguration.class, PlatformWebAutoConfiguration.class, ProblemDetailsAutoConfiguration.class})
@Import(OperationsService.Operations.class)
class OperationsService {

    @RestController
    static class Operations {

        @GetMapping("/api/notes")
        @ReaderRole
        public Map<String, Object> read() {
            return Map.of("notes", 0);
        }

        @PostMapping(path = "/api/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
        @OfficerRole
        public Map<String, Object> write(@RequestBody Map<String, Object> note) {
            return Map.of("fields", note.size());
        }

        @PostMapping(path = "/api/uploads", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
        @OfficerRole
        @RequestBodyLimit(bytes = Spreadsheets.MAX_UPLOAD_BYTES)
        public Map<String, Object> upload(@RequestBody byte[] file) {
            return Map.of("bytes", file.length);
        }
    }
}
