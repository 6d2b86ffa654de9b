package org.dit.http;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Problem documents for requests refused before Spring MVC sees them: Spring Security's firewall (a method it does not
 * allow, an encoded slash or a NUL in the URL) and Tomcat itself (a URL that does not decode, a header too large).
 * Without this, the first answers an empty 400 and the second Tomcat's HTML error page.
 */
@Configuration(proxyBeanMethods = false)
class ContainerProblems {

    @Bean
    RequestRejectedHandler problemForRejectedRequest(ObjectMapper json) {
        return (request, response, rejected) -> Problems.write(response, json, Problems.problem(HttpStatus.BAD_REQUEST,
                "bad-request", "Bad Request", "the request's method, URL or headers are not accepted"));
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new ProblemReportsCustomizer();
    }

    /** Runs after Spring Boot's own customizer, which installs Tomcat's HTML error report valve. */
    private static final class ProblemReportsCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    // the host adds a valve of this class at start unless one is there already
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat's last word on an error nothing else answered: a problem document with no internals in it. */
    static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
            String body = "{\"type\":\"/problems/" + ProblemErrorController.slug(status) + "\",\"title\":\""
                    + status.getReasonPhrase() + "\",\"status\":" + code + ",\"detail\":\"the request was refused: "
                    + status.getReasonPhrase().toLowerCase() + "\"}";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response already committed: there is no one left to tell
            }
        }
    }
}
