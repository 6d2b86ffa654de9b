package org.dit.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what a request may make the service read. A body larger than {@code dit.http.max-request-size} is refused
 * with 413 before anything parses it: at once when its Content-Length says so, and for a chunked body (no length) as
 * soon as the limit is passed while it is read into a buffer of at most that size. A wildcard Content-Type is a 415.
 * The JSON parser of the web layer refuses deep nesting and long numbers, so hostile JSON is a 400, never a stack
 * overflow or a slow big-number parse.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.HttpLimits.class)
class RequestLimits {

    /** Our bodies nest at most three levels (an object holding a list); anything far deeper is hostile. */
    static final int MAX_NESTING_DEPTH = 32;
    /** Longer than any long or date-like number a client can mean; stops million-digit numbers before they are parsed. */
    static final int MAX_NUMBER_LENGTH = 64;

    /**
     * @param maxRequestSize the largest request body accepted; the largest valid body (a focus: five texts of up to
     *                       4,000 characters) is under 128 KB even when every character is sent as a \\u escape
     */
    @ConfigurationProperties("dit.http")
    @Validated
    record HttpLimits(@DefaultValue("128KB") DataSize maxRequestSize) {

        @AssertTrue(message = "must be between 16KB and 10MB: the largest valid command is under 128KB")
        boolean isMaxRequestSizeSensible() {
            return maxRequestSize != null && maxRequestSize.toBytes() >= 16 * 1024
                    && maxRequestSize.toBytes() <= 10L * 1024 * 1024;
        }
    }

    @Bean
    FilterRegistrationBean<BodyGuard> requestBodyLimit(HttpLimits limits, ObjectMapper json) {
        FilterRegistrationBean<BodyGuard> registration =
                new FilterRegistrationBean<>(new BodyGuard(limits.maxRequestSize().toBytes(), json));
        // right after the correlation id (so the 413 carries it), before authentication and everything that reads
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer hostileJsonLimits(HttpLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxRequestSize().toBytes()))
                .build();
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
    }

    static final class BodyGuard extends OncePerRequestFilter {

        private final long maxBytes;
        private final ObjectMapper json;

        BodyGuard(long maxBytes, ObjectMapper json) {
            this.maxBytes = maxBytes;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long declared = request.getContentLengthLong();
            if (declared > maxBytes) {
                tooLarge(response);
                return;
            }
            if (isWildcard(request.getContentType())) {
                // Spring MVC fails on it with an IllegalArgumentException (a 500) when it reads the body
                respond(response, Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                        "Unsupported Media Type", "a body's Content-Type must name one type; send application/json"));
                return;
            }
            if (declared >= 0) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body;
            try {
                body = readAtMost(request.getInputStream(), maxBytes + 1);
            } catch (IOException e) {
                // a broken chunked encoding, or the client went away: either way nothing to answer but a 400
                respond(response, Problems.invalid(java.util.List.of(Problems.param("body", "could not be read"))));
                return;
            }
            if (body.length > maxBytes) {
                tooLarge(response);
                return;
            }
            chain.doFilter(body.length == 0 ? request : new BufferedBody(request, body), response);
        }

        private static boolean isWildcard(String contentType) {
            if (contentType == null) {
                return false;
            }
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                return type.isWildcardType() || type.isWildcardSubtype();
            } catch (InvalidMediaTypeException unparseable) {
                return false;
            }
        }

        private static byte[] readAtMost(InputStream in, long limit) throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            long total = 0;
            for (int read; total < limit && (read = in.read(chunk, 0, (int) Math.min(chunk.length, limit - total))) != -1; ) {
                buffer.write(chunk, 0, read);
                total += read;
            }
            return buffer.toByteArray();
        }

        private void tooLarge(HttpServletResponse response) throws IOException {
            respond(response, Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request too large",
                    "the request body is larger than " + maxBytes + " bytes"));
        }

        private void respond(HttpServletResponse response, ProblemDetail problem) throws IOException {
            Problems.write(response, json, problem);
        }
    }

    /** A request whose body was read (within the limit) before the rest of the chain sees it. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the whole body is in memory: it is available now, and then all read
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            try {
                return new BufferedReader(new InputStreamReader(getInputStream(),
                        encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(encoding);
            }
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
