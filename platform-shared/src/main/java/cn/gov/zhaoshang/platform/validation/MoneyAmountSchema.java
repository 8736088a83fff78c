package cn.gov.zhaoshang.platform.validation;

import java.lang.annotation.Annotation;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * Writes {@link MoneyAmount}'s pattern into the OpenAPI document: springdoc reads the constraints
 * written on a property, not those a composed constraint carries, and the console's types and
 * other agencies' clients should still see what an amount looks like.
 */
public final class MoneyAmountSchema implements PropertyCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        Annotation[] annotations = type.getCtxAnnotations();
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof MoneyAmount) {
                    property.setPattern(MoneyAmount.PATTERN);
                }
            }
        }
        return property;
    }
}
