package cn.gov.zhaoshang.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * No request body larger than its operation accepts is read, whatever its transfer encoding: the
 * body's stream counts the bytes read from it, and the first byte over the limit (or the first read
 * of a body whose {@code Content-Length} is over it) throws {@link MaxUploadSizeExceededException},
 * which the one error handler answers with 413 problem details. The limit is the service's default
 * ({@code zhaoshang.web.max-request-body}) unless the operation's handler says more
 * ({@link RequestBodyLimit}); {@link #raisingForAnnotatedHandlers()} applies that once the handler is
 * known, before anything is read.
 *
 * <p>Why here: Tomcat limits only form posts ({@code server.tomcat.max-http-form-post-size}) and,
 * with Spring's multipart settings, multipart uploads; {@code max-swallow-size} is what it discards
 * after an answer, not a limit on what an application reads. A JSON or spreadsheet body, chunked or
 * not, was read whole into memory, however large.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter implements Ordered {

    private final long defaultLimit;

    public RequestBodyLimitFilter(long defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LimitedBodyRequest(request, defaultLimit), response);
    }

    @Override
    public int getOrder() {
        // early: it only wraps the request, and every filter after it sees the limited body
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** Raises the limit of a request whose handler carries {@link RequestBodyLimit}, before its body is read. */
    public static HandlerInterceptor raisingForAnnotatedHandlers() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(RequestBodyLimit.class)) {
                    LimitedBodyRequest limited = WebUtils.getNativeRequest(request, LimitedBodyRequest.class);
                    if (limited != null) {
                        limited.limit = method.getMethodAnnotation(RequestBodyLimit.class).bytes();
                    }
                }
                return true;
            }
        };
    }

    static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private long limit;
        private CountingInputStream body;

        LimitedBodyRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CountingInputStream(super.getInputStream(), this);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream body;
        private final LimitedBodyRequest request;
        private long count;

        CountingInputStream(ServletInputStream body, LimitedBodyRequest request) {
            this.body = body;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            checkAnnouncedLength();
            int next = body.read();
            if (next >= 0) {
                counted(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkAnnouncedLength();
            int read = body.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void checkAnnouncedLength() {
            if (count == 0 && request.getContentLengthLong() > request.limit) {
                throw new MaxUploadSizeExceededException(request.limit);
            }
        }

        private void counted(int bytes) {
            count += bytes;
            if (count > request.limit) {
                throw new MaxUploadSizeExceededException(request.limit);
            }
        }

        @Override
        public int available() throws IOException {
            return body.available();
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
