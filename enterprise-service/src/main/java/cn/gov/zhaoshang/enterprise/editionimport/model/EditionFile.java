package cn.gov.zhaoshang.enterprise.editionimport.model;

import java.util.List;
import java.util.Map;

/**
 * The layout of a list-edition file (CSV or xlsx), in the manner of the bureaus' other sheets: Chinese
 * headers, possibly a title row above them, the header row found by its first cell {@value #SERIAL}.
 */
public final class EditionFile {

    public static final String SERIAL = "序号";
    public static final String RANK = "排名";
    public static final String NAME = "企业名称";
    public static final String USCC = "统一社会信用代码";

    /** The columns read, in the order of the template. */
    public static final List<String> COLUMNS = List.of(SERIAL, RANK, NAME, USCC);

    private EditionFile() {
    }

    /** A data row: its sheet row number and its cells by header. */
    public record Row(int rowNumber, Map<String, String> cells) {
        public String cell(String header) {
            String value = cells.get(header);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
