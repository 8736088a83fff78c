package cn.gov.zhaoshang.enterprise;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.gov.zhaoshang.enterprise.registry.model.Uscc;

/** Fixtures shared by the enterprise tests, which all use one database: identities never repeat. */
public final class TestEnterprises {

    private TestEnterprises() {
    }

    /** A fresh valid USCC (a 91… enterprise code with random body and its check character). */
    public static String newUscc() {
        StringBuilder body = new StringBuilder("91");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 15; i++) {
            body.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
        }
        return body.toString() + Uscc.checkCharacterOf(body.toString());
    }

    /** The smallest valid registration body: a new USCC and the name. */
    public static Map<String, Object> enterprise(String nameZh) {
        Map<String, Object> body = new HashMap<>();
        body.put("uscc", newUscc());
        body.put("nameZh", nameZh);
        return body;
    }
}
