package cn.gov.zhaoshang.enterprise.membership.infrastructure;

/**
 * The one SQL definition of "a membership valid on a date" (glossary, enterprise classes), used by
 * the class query and by the registry's class filter alike.
 */
public final class MembershipValidity {

    /**
     * Condition on {@code membership m JOIN list_edition ed}; binds {@code :on}. A ranked yearly
     * list's membership counts from its edition's publication until the next edition of that list is
     * published, whatever the later edition says of the enterprise; a period (batch, certificate) or
     * standing membership counts from {@code valid_from} until its exclusive {@code valid_until}, if any.
     */
    public static final String VALID_ON = """
            m.valid_from <= :on AND CASE ed.validity_kind
                WHEN 'RANKED_YEARLY' THEN NOT EXISTS (
                    SELECT 1 FROM list_edition next_edition
                    WHERE next_edition.enterprise_class = ed.enterprise_class
                      AND next_edition.published_on > ed.published_on
                      AND next_edition.published_on <= :on)
                ELSE (m.valid_until IS NULL OR :on < m.valid_until)
            END""";

    private MembershipValidity() {
    }
}
