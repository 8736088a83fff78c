package cn.gov.zhaoshang.enterprise.registry.model;

import java.text.Normalizer;
import java.util.Locale;

/** How names are compared when looking for duplicates and matching list imports. */
public final class EnterpriseName {

    private EnterpriseName() {
    }

    /**
     * What name search looks in: the Chinese name, the former names and the English name, one per
     * line and lower-cased (Chinese has no case; Latin letters in names such as TCL do).
     */
    public static String searchText(String nameZh, java.util.List<String> formerNames, String nameEn) {
        StringBuilder text = new StringBuilder(nameZh);
        formerNames.forEach(former -> text.append('\n').append(former));
        if (nameEn != null) {
            text.append('\n').append(nameEn);
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * NFKC folds full-width letters, digits and brackets (（）) into their ASCII forms, which lists
     * and forms mix freely; white space and case carry no meaning in a Chinese company name.
     */
    public static String normalise(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[\\s·・.,，。]", "");
    }
}
