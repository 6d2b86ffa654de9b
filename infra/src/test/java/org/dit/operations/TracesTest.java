package org.dit.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.awaitility.Awaitility;
import org.dit.DitApplication;
import org.dit.support.Api;
import org.dit.support.Clinic;
import org.dit.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Traces (docs/operations.md "Traces"): with an OTLP endpoint configured, one command sent over HTTP is one trace, from
 * the HTTP server span through the command's dispatch and handling and the append of its event to the store, to each
 * projection that applies the event on its own thread, and the trace goes out by OTLP over HTTP.
 * <p>
 * A service of its own on a database of its own (the suite's shared service traces nothing): its OTLP endpoint is a
 * stand-in collector on 127.0.0.1, and an in-memory exporter beside the OTLP one keeps the spans for the assertions.
 * The caller sends a W3C {@code traceparent}, so the trace id is known beforehand.
 */
class TracesTest {

    private static final String DATABASE = "dit_traces";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
    /** Each processor that applies ClientReferred, and the class whose handler does it. */
    /** Each read model's handler, and the processor whose span it hangs under. */
    private static final Map<String, String> HANDLERS = Map.of(
            "episode-view", "EpisodeViewProjection",
            "caseload", "CaseloadProjection",
            "waiting-list", "WaitingListProjection",
            "outcomes", "OutcomesProjection",
            "client-view", "ClientViewProjection",
            "risk-worklist", "RiskWorklistProjection",
            "audit-chain", "HashChainProcessor");
    /** The read models share one processor; the hash chain has its own. */
    private static final int PROCESSORS = 2;

    private record Export(String path, String contentType, byte[] body) {
    }

    @Test
    void givenAnOtlpEndpoint_whenOneCommandIsSentOverHttp_thenOneTraceRunsFromTheRequestThroughTheCommandAndTheAppendToEveryProjection()
            throws Exception {
        freshDatabase();
        List<Export> exports = new CopyOnWriteArrayList<>();
        HttpServer collector = collector(exports);
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        SpringApplication application = new SpringApplication(DitApplication.class);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("inMemorySpanExporter", spans));
        try (ConfigurableApplicationContext service = application.run("--server.port=0", "--spring.profiles.active=test",
                "--spring.datasource.url=" + TestDatabase.postgres().getJdbcUrl("postgres", DATABASE),
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--logging.level.root=WARN",
                "--management.otlp.tracing.endpoint=http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces",
                "--management.tracing.opentelemetry.export.schedule-delay=100ms")) {
            Api api = new Api(((WebServerApplicationContext) service).getWebServer().getPort());

            Api.Response referral = api.post("/api/episodes", Clinic.referral(api),
                    "traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01");
            assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
            String episode = referral.json().get("episodeId").asText();

            // every processor's handler span, not only some: the rest may still be on their way otherwise
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    HANDLERS.values().forEach(handlerClass -> assertThat(trace(spans).values()).extracting(SpanData::getName)
                            .as("a handler span of every read model and of the chain")
                            .anySatisfy(name -> assertThat(name).startsWith(handlerClass + ".on("))));
            Map<String, SpanData> trace = trace(spans);

            SpanData http = only(trace, "http post /api/episodes");
            assertThat(http.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(http.getParentSpanId()).as("the caller's span").isEqualTo(CALLER_SPAN_ID);
            assertThat(http.getAttributes().get(AttributeKey.stringKey("status"))).isEqualTo("201");

            SpanData dispatch = only(trace, "CommandBus.dispatchCommand(ReferClient)");
            SpanData handle = only(trace, "CommandBus.handleCommand(ReferClient)");
            assertThat(ancestors(dispatch, trace)).contains(http);
            assertThat(handle.getParentSpanId()).isEqualTo(dispatch.getSpanId());
            assertThat(handle.getAttributes().get(AttributeKey.stringKey("dit.correlation_id")))
                    .isEqualTo(referral.header("X-Correlation-Id"));

            SpanData append = only(trace, "EventStore.appendEvents");
            assertThat(ancestors(append, trace)).as("the append, in the command's transaction").contains(handle);
            assertThat(append.getAttributes().get(AttributeKey.stringKey("dit.event_count"))).isEqualTo("1");
            SpanData publish = only(trace, "EventBus.publishEvent(ClientReferred)");
            assertThat(ancestors(publish, trace)).contains(handle);

            List<SpanData> processing = trace.values().stream()
                    .filter(span -> span.getName().equals("StreamingEventProcessor.process(ClientReferred)")).toList();
            assertThat(processing).as("one per processor").hasSize(PROCESSORS);
            HANDLERS.forEach((processor, handlerClass) -> {
                SpanData handler = trace.values().stream().filter(span -> span.getName().startsWith(handlerClass + ".on("))
                        .findFirst().orElseThrow();
                SpanData process = trace.get(handler.getParentSpanId());
                assertThat(process.getName()).as(processor).isEqualTo("StreamingEventProcessor.process(ClientReferred)");
                assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
                assertThat(ancestors(process, trace)).as(processor + ": within the command's trace").contains(publish, handle, http);
            });

            trace.values().forEach(span -> {
                if (span != http) {
                    assertThat(ancestors(span, trace)).as(span.getName() + " hangs under the request").contains(http);
                }
                assertThat(span.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey)
                        .as(span.getName() + ": no metadata copied (the acting user's name)").noneMatch(key -> key.startsWith("axon_metadata"));
            });

            String metadata = service.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?", String.class,
                    episode);
            assertThat(metadata).as("the event carries the trace on to the projections").contains("\"traceparent\":\"00-" + TRACE_ID);

            byte[] traceIdBytes = HexFormat.of().parseHex(TRACE_ID);
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(exports)
                    .as("sent to the collector by OTLP over HTTP")
                    .anySatisfy(export -> {
                        assertThat(export.path()).isEqualTo("/v1/traces");
                        assertThat(export.contentType()).isEqualTo("application/x-protobuf");
                        assertThat(contains(export.body(), traceIdBytes)).as("the trace id in the request").isTrue();
                    }));
        } finally {
            collector.stop(0);
        }
    }

    /** The spans of the caller's trace so far, by span id. */
    private static Map<String, SpanData> trace(InMemorySpanExporter spans) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(TRACE_ID))
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
    }

    private static SpanData only(Map<String, SpanData> trace, String name) {
        List<SpanData> named = trace.values().stream().filter(span -> span.getName().equals(name)).toList();
        assertThat(named).as("spans named " + name + " in " + trace.values().stream().map(SpanData::getName).toList())
                .hasSize(1);
        return named.get(0);
    }

    private static List<SpanData> ancestors(SpanData span, Map<String, SpanData> trace) {
        List<SpanData> ancestors = new java.util.ArrayList<>();
        for (SpanData parent = trace.get(span.getParentSpanId()); parent != null; parent = trace.get(parent.getParentSpanId())) {
            ancestors.add(parent);
        }
        return ancestors;
    }

    private static void freshDatabase() throws Exception {
        try (Connection connection = TestDatabase.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    /** Answers every export as an OTLP collector does (200, an empty ExportTraceServiceResponse) and keeps the request. */
    private static HttpServer collector(List<Export> exports) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exports.add(new Export(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes()));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
