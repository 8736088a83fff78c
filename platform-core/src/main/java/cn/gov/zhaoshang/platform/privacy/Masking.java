package cn.gov.zhaoshang.platform.privacy;

/**
 * How personal data (contact names, phones, e-mails) is shown to callers without the
 * {@code contacts-reader} role; every service that holds contacts masks them the same way.
 */
public final class Masking {

    private Masking() {
    }

    /** {@code 13812345678} → {@code 138****5678}: enough to tell two numbers apart, not to call one. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** {@code 张三丰} → {@code 张**}; {@code Li Wei} → {@code L*****}. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** {@code zhang.san@example.cn} → {@code z***@example.cn}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
