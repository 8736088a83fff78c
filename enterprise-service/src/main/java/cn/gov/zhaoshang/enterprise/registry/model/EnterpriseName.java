package cn.gov.zhaoshang.enterprise.registry.model;

import java.text.Normalizer;
import java.util.Locale;

/** How names are compared when looking for duplicates and matching list imports. */
public final class EnterpriseName {

    private EnterpriseName() {
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
