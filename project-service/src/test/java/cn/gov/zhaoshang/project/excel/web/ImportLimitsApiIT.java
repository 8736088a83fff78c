package cn.gov.zhaoshang.project.excel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.gov.zhaoshang.testsupport.ApiClient;
import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import cn.gov.zhaoshang.testsupport.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The security issue's finding 3 on project-service itself, reached directly as the gateway reaches
 * it: a 12 MB import sent in chunks is 413 (it used to be read whole and previewed, 200); a workbook
 * that would take the service's memory is 400 naming the cap; a viewer's write is 403 before its
 * body is read, malformed or too large.
 */
@PlatformIntegrationTest
class ImportLimitsApiIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    ApiClient officer;
    ApiClient viewer;

    @BeforeEach
    void callers() {
        officer = ApiClient.atPort(port).as(TestUser.GP_OFFICER);
        viewer = ApiClient.atPort(port).as(TestUser.GP_VIEWER);
    }

    @Test
    void aTwelveMegabyteImportSentInChunksIs413() {
        ApiClient.Response response = officer.postChunked("/api/projects/imports/preview", XLSX, new byte[12 * 1024 * 1024]);

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("type").asString()).isEqualTo("https://zhaoshang.gov.cn/problems/too-large");
        assertThat(response.json().get("detail").asString()).contains("at most 10485760 bytes");
    }

    @Test
    void aWorkbookOverTheCellCapIs400NamingTheRule() throws Exception {
        // 500,001 cells in a file of a few kilobytes: refused before POI builds a single row of it
        StringBuilder sheet = new StringBuilder(
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int row = 0; row < 1000; row++) {
            sheet.append("<row>").append("<c/>".repeat(row == 0 ? 501 : 500)).append("</row>");
        }
        byte[] file = zipOf("xl/worksheets/sheet1.xml", sheet.append("</sheetData></worksheet>").toString());

        for (String path : new String[] {"/api/projects/imports/preview", "/api/projects/imports"}) {
            ApiClient.Response response = officer.postBytes(path, XLSX, file);

            assertThat(response.status()).as(path + ": " + response).isEqualTo(400);
            JsonNode error = response.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("file");
            assertThat(error.get("rule").asString()).isEqualTo("WorkbookCells");
            assertThat(error.get("message").asString()).isEqualTo("the workbook has more than 500000 cells in its sheets");
        }
    }

    @Test
    void aViewersWriteIs403WhateverItsBody() {
        ApiClient.Response malformed = viewer.post("/api/projects", "{\"name\": \"桂平市");
        ApiClient.Response malformedImport = viewer.postChunked("/api/projects/imports/preview", XLSX, new byte[12 * 1024 * 1024]);

        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(403);
        assertThat(malformed.json().get("type").asString()).isEqualTo("https://zhaoshang.gov.cn/problems/forbidden");
        assertThat(malformedImport.status()).as(malformedImport.toString()).isEqualTo(403);
        // an officer's malformed write is still 400: the role decides first, the body after
        assertThat(officer.post("/api/projects", "{\"name\": \"桂平市").status()).isEqualTo(400);
    }

    private static byte[] zipOf(String name, String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
