package cn.gov.zhaoshang.platform.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds every request to the platform's text rules (docs/security.md, "Input rules") before a
 * controller sees it: its query parameters and path variables ({@link RequestLineText}, as a
 * handler interceptor) and its JSON body ({@link JsonBodyText}, as request-body advice, whatever
 * the body is bound to). A breach is 400 problem details naming the field, from the one error handler.
 */
@ControllerAdvice
public class PlainTextRequests extends RequestBodyAdviceAdapter implements HandlerInterceptor {

    private final JsonMapper json;

    public PlainTextRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            // an error or async dispatch of a request that was checked (or refused) already
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> pathVariables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        List<FieldViolation> violations = RequestLineText.violations(request.getQueryString(), pathVariables);
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return true;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return JacksonJsonHttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        List<FieldViolation> violations = JsonBodyText.violations(body, charsetOf(input.getHeaders()), json);
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** JSON is UTF-8 (RFC 8259) unless the request names another charset that Java knows. */
    private static Charset charsetOf(HttpHeaders headers) {
        try {
            MediaType type = headers.getContentType();
            return type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        } catch (IllegalArgumentException unknownCharset) {
            return StandardCharsets.UTF_8;
        }
    }
}
