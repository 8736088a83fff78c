package cn.gov.zhaoshang.reporting.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Writes {@code @Schema(nullable = true)} in OpenAPI 3.1's terms. springdoc publishes OpenAPI 3.1,
 * which has no {@code nullable} keyword, and swagger-core keeps the flag on its model but leaves it
 * out of the document, so a client generated from it (the console's TypeScript types) would take
 * every such property for never null. Here a nullable property becomes {@code type: [..., "null"]}
 * (with {@code null} among its {@code enum} values, if any), and a nullable reference to another
 * schema becomes {@code oneOf: [{$ref}, {type: "null"}]}: JSON Schema applies a {@code $ref} next to
 * other keywords as well as them, so {@code null} beside a reference would still be refused.
 */
@Component
public class NullablePropertiesIn31 implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
            @SuppressWarnings("rawtypes")
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null) {
                properties.replaceAll((name, property) -> nullable(property));
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema nullable(Schema property) {
        if (!Boolean.TRUE.equals(property.getNullable())) {
            return property;
        }
        if (property.get$ref() != null) {
            Schema reference = new JsonSchema().$ref(property.get$ref());
            Schema orNull = new JsonSchema().types(Set.of("null"));
            Schema wrapped = new JsonSchema().oneOf(List.of(reference, orNull));
            wrapped.setDescription(property.getDescription());
            return wrapped;
        }
        property.setNullable(null);
        Set<String> types = new LinkedHashSet<>(property.getTypes() == null ? Set.of() : property.getTypes());
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }
}
