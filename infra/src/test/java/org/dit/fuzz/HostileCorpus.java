package org.dit.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dit.support.Clinic;

/**
 * A seeded corpus of hostile requests to every endpoint of docs/design.md §5: a valid request (to an episode in the state the
 * command needs, so that it reaches the domain) with one mutation of its body, path, query, headers, method or content
 * type. The same seed gives the same sequence of mutations.
 */
final class HostileCorpus {

    /** Where valid requests point: episodes in each state, the clinic's therapist, the head of the log. */
    interface Targets {
        String referred(Random random);

        String waiting(Random random);

        String inTherapy(Random random);

        String anyEpisode(Random random);

        /** An episode and one of its measures. */
        String[] measured(Random random);

        String therapist();

        /** A registered client. */
        String client(Random random);
        /** A therapist of its own, to be deactivated and have its caseload changed. */
        String leaver();

        long head();
    }

    private record Endpoint(String method, String template, String user, Function<Random, Map<String, Object>> body) {
        boolean takesBody() {
            return body != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "clinic-lead";
    private static final String AUDITOR = "auditor";
    private static final String REPORTING = "reporting";

    private final Random random;
    private final Targets targets;
    private final long limit;
    private final List<Endpoint> endpoints;

    HostileCorpus(long seed, Targets targets, long limit) {
        this.random = new Random(seed);
        this.targets = targets;
        this.limit = limit;
        this.endpoints = endpoints(targets);
    }

    /** Every endpoint of docs/design.md §5 with a valid body for it; {@code {…}} are filled from {@link Targets}. */
    private static List<Endpoint> endpoints(Targets targets) {
        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint("POST", "/api/therapists", ADMIN, r -> map("name", "Fuzz Testwell", "accreditation", "QUALIFIED",
                "maxCaseload", 12)));
        all.add(new Endpoint("POST", "/api/episodes", ADMIN, r -> new LinkedHashMap<>(Clinic.referral(targets.client(r)))));
        all.add(new Endpoint("POST", "/api/clients", ADMIN, r -> new LinkedHashMap<>(Clinic.inventedClient())));
        all.add(new Endpoint("POST", "/api/clients/{client}/details", ADMIN, r -> {
            Map<String, Object> body = new LinkedHashMap<>(Clinic.inventedClient());
            body.put("reason", "Typing error at registration");
            return body;
        }));
        all.add(new Endpoint("POST", "/api/therapists/{leaver}/max-caseload", ADMIN, r -> map("maxCaseload", 1 + r.nextInt(20))));
        all.add(new Endpoint("POST", "/api/therapists/{leaver}/deactivation", ADMIN, r -> map("reason", "Left the service")));
        all.add(new Endpoint("POST", "/api/episodes/{referred}/assessment", ADMIN, r -> {
            Map<String, Object> body = new LinkedHashMap<>(Clinic.suitableAssessment());
            body.put("notes", "Low mood since moving city");
            return body;
        }));
        all.add(new Endpoint("POST", "/api/episodes/{waiting}/allocation", ADMIN,
                r -> map("therapistId", targets.therapist(), "allocatedOn", "2026-03-16")));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/sessions", ADMIN,
                r -> map("startsAt", sometime(r), "durationMinutes", 50, "mode", "VIDEO")));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/sessions/{n}/reschedule", ADMIN, r -> map("startsAt", sometime(r))));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/sessions/{n}/cancellation", ADMIN,
                r -> map("cancelledBy", "CLIENT", "reason", "Unwell")));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/sessions/{n}/attendance", ADMIN,
                r -> map("phq9", Clinic.PHQ9_MILD, "gad7", Clinic.GAD7_MILD)));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/sessions/{n}/missed", ADMIN, r -> map()));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/sessions/{n}/note", ADMIN,
                r -> map("text", "Noticed the pull to keep quiet; named it together")));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/sessions/{n}/correction", ADMIN,
                r -> map("outcome", "MISSED", "reason", "Recorded against the wrong day")));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/focus", ADMIN, r -> new LinkedHashMap<>(Clinic.FOCUS)));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/measures", ADMIN,
                r -> map("instrument", "GAD7", "items", Clinic.GAD7_MILD, "recordedOn", "2026-04-01")));
        all.add(new Endpoint("POST", "/api/episodes/{measured}/measures/{measure}/entered-in-error", ADMIN,
                r -> map("reason", "Scores belonged to another client")));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/goodbye-letter", ADMIN, r -> map("sharedOn", "2026-06-01")));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/extension", ADMIN,
                r -> map("additionalSessions", 1, "approvedBy", "Dr Fuzz Supervisor", "reason", "Bereavement")));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/course-length", ADMIN,
                r -> map("courseLength", 8 + r.nextInt(8), "reason", "Agreed to end early", "approvedBy", "Dr Fuzz Supervisor")));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/follow-up", ADMIN,
                r -> map("startsAt", sometime(r), "durationMinutes", 50, "mode", "PHONE")));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/follow-up/attendance", ADMIN,
                r -> map("phq9", Clinic.PHQ9_MILD, "gad7", Clinic.GAD7_MILD)));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/ending", ADMIN,
                r -> map("endedOn", "2026-07-01", "reason", "DROPPED_OUT")));
        all.add(new Endpoint("POST", "/api/episodes/{inTherapy}/reassignment", ADMIN,
                r -> map("therapistId", targets.therapist(), "reason", "Therapist leaving")));
        all.add(new Endpoint("POST", "/api/episodes/{episode}/risk-assessments", ADMIN,
                r -> map("assessedOn", "2026-04-01", "level", "MODERATE", "riskToSelf", "MODERATE", "riskToOthers", "LOW",
                        "riskFromOthers", "LOW", "safetyPlan", "Crisis line agreed", "actions", "GP informed",
                        "reviewBy", "2026-04-15")));
        all.add(new Endpoint("GET", "/api/episodes/{episode}", ADMIN, null));
        all.add(new Endpoint("POST", "/api/clients/{client}/erasure-approval", ADMIN,
                r -> map("reason", "Registered twice")));
        // pool clients are within their retention period, and the one user approving is the one erasing: always refused
        all.add(new Endpoint("POST", "/api/clients/{client}/erasure", ADMIN, r -> map("reason", "Retention period ended")));
        // every pool episode names a registered client: a valid link is refused (409), never applied
        all.add(new Endpoint("POST", "/api/episodes/{episode}/client-link", ADMIN, r -> map("clientId", targets.client(r))));
        all.add(new Endpoint("GET", "/api/clients?familyName=Testclient&dateOfBirth=1990-05-17", ADMIN, null));
        all.add(new Endpoint("GET", "/api/clients/{client}", ADMIN, null));
        all.add(new Endpoint("GET", "/api/caseloads", ADMIN, null));
        all.add(new Endpoint("GET", "/api/caseloads/{therapist}", ADMIN, null));
        all.add(new Endpoint("GET", "/api/waiting-list?asOf=2026-06-01", ADMIN, null));
        all.add(new Endpoint("GET", "/api/referrals/awaiting-assessment?asOf=2026-06-01", ADMIN, null));
        all.add(new Endpoint("GET", "/api/waiting-list/allocated-not-seen?asOf=2026-06-01", ADMIN, null));
        all.add(new Endpoint("GET", "/api/therapists", ADMIN, null));
        all.add(new Endpoint("GET", "/api/caseloads", ADMIN, null));
        all.add(new Endpoint("GET", "/api/caseloads/{therapist}", ADMIN, null));
        all.add(new Endpoint("GET", "/api/waiting-list?asOf=2026-06-01", ADMIN, null));
        // asked by a role it is closed to, so that every run reaches the authorisation layer (403), whatever the seed
        all.add(new Endpoint("GET", "/api/risk", REPORTING, null));
        all.add(new Endpoint("GET", "/api/outcomes?from=2026-01-01&to=2026-12-31&therapistId={therapist}", ADMIN, null));
        all.add(new Endpoint("GET", "/api/outcomes/monthly?from=2026-01-01&to=2026-12-31", ADMIN, null));
        all.add(new Endpoint("GET", "/api/outcomes/episodes/{episode}", ADMIN, null));
        all.add(new Endpoint("GET", "/api/audit/episodes/{episode}/events", AUDITOR, null));
        all.add(new Endpoint("GET", "/api/audit/episodes/{episode}/state?asOf=2026-04-01T12:00:00Z", AUDITOR, null));
        all.add(new Endpoint("GET", "/api/audit/events?after={after}&limit=5", AUDITOR, null));
        all.add(new Endpoint("GET", "/api/audit/verify", AUDITOR, null));
        all.add(new Endpoint("GET", "/api/audit/access?episodeId={episode}", AUDITOR, null));
        // an invented checkpoint: it reads, and fails to verify (no such key)
        all.add(new Endpoint("POST", "/api/audit/verify", AUDITOR, r -> map("checkpoints", List.of(map("sequence", 1,
                "createdAt", "2026-04-01T12:00:00.000Z", "chainPosition", 7, "linkedEvents", 7, "headHash", "ab".repeat(32),
                "coveredGlobalIndex", 7, "highestGlobalIndex", 7, "keyId", "0123456789abcdef",
                "signature", Base64.getEncoder().encodeToString(new byte[64]))))));
        all.add(new Endpoint("GET", "/api/audit/checkpoints?after={after}&limit=5", AUDITOR, null));
        all.add(new Endpoint("GET", "/api/audit/checkpoints/keys", AUDITOR, null));
        all.add(new Endpoint("POST", "/api/audit/checkpoints", AUDITOR, null));
        all.add(new Endpoint("GET", "/api/admin/projections", ADMIN, null));
        // a real projection name would start a rebuild: the name is always hostile, or the body too large to be read
        all.add(new Endpoint("POST", "/api/admin/projections/{projection}/replay", ADMIN, null));
        all.add(new Endpoint("GET", "/api/admin/dead-letters", ADMIN, null));
        // re-wraps every key under the test's master key: harmless, and after the first nothing is left to move
        all.add(new Endpoint("POST", "/api/admin/keys/rotation", ADMIN, null));
        // nothing is parked while the fuzz runs: a letter id is a UUID nobody issued, or hostile
        all.add(new Endpoint("POST", "/api/admin/dead-letters/{letter}/retry", ADMIN, null));
        return all;
    }

    /** The paths of every endpoint (with placeholders), to show the coverage. */
    List<String> endpointTemplates() {
        return endpoints.stream().map(e -> e.method() + " " + e.template()).toList();
    }

    /** The i-th request: endpoints in turn, each with a mutation drawn from the seeded sequence. */
    HostileRequest next(int i) {
        Endpoint endpoint = endpoints.get(i % endpoints.size());
        if (endpoint.template().equals("/api/audit/verify") && (i / endpoints.size()) % 20 != 0) {
            // verifying rehashes the whole log: one in twenty rounds is plenty (GET takes no input, POST one small list)
            endpoint = endpoints.get(0);
        }
        return mutate(endpoint);
    }

    private HostileRequest mutate(Endpoint endpoint) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] measured = targets.measured(random);
        values.put("referred", targets.referred(random));
        values.put("waiting", targets.waiting(random));
        values.put("inTherapy", targets.inTherapy(random));
        values.put("episode", targets.anyEpisode(random));
        values.put("measured", measured[0]);
        values.put("measure", measured[1]);
        values.put("therapist", targets.therapist());
        values.put("client", targets.client(random));
        values.put("leaver", targets.leaver());
        values.put("n", String.valueOf(1 + random.nextInt(3)));
        values.put("after", String.valueOf(Math.max(0, targets.head() - 5)));
        values.put("projection", pick(HOSTILE_SEGMENTS));
        values.put("letter", UUID.randomUUID().toString());

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", HostileHttp.basic(endpoint.user()));
        String method = endpoint.method();
        String contentType = endpoint.takesBody() ? "application/json" : null;
        Map<String, String> fields = endpoint.takesBody() ? rawFields(endpoint.body().apply(random)) : null;
        byte[] body = null;
        boolean chunked = random.nextInt(8) == 0;
        String what;

        int kind = random.nextInt(endpoint.takesBody() ? 14 : 8);
        String template = endpoint.template();
        switch (kind) {
            case 0 -> what = mutatePathSegment(template, values);
            case 1 -> what = mutateQuery(values);
            case 2 -> what = mutateHeaders(headers);
            case 3 -> {
                method = pick(List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", endpoint.method().equals("GET") ? "POST" : "GET"));
                what = "method " + method;
            }
            case 4 -> {
                body = oversized();
                contentType = "application/json";
                what = "oversized body of " + body.length + " bytes" + (chunked ? ", chunked" : "");
                if (template.contains("{projection}")) {
                    values.put("projection", "episode-view");
                }
            }
            case 5 -> {
                body = pick(STRUCTURAL).getBytes(StandardCharsets.UTF_8);
                contentType = pick(List.of("application/json", "text/plain", "application/xml"));
                what = "body on an endpoint that reads none: " + contentType;
            }
            case 6 -> {
                body = invalidUtf8(fields == null ? "{\"a\":\"b\"}" : assemble(fields));
                contentType = "application/json";
                what = "invalid UTF-8 bytes in the body";
            }
            case 7 -> {
                headers.put("Accept", pick(List.of("text/html", "application/xml", "*/", "application/json;q=abc", "image/png",
                        "application/x-ndjson", "text/event-stream")));
                what = "Accept " + headers.get("Accept");
            }
            case 8 -> what = wrongType(fields);
            case 9 -> what = hugeString(fields);
            case 10 -> what = deepNesting(fields);
            case 11 -> what = unknownFields(fields);
            case 12 -> what = numbersAndDates(fields);
            default -> {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        contentType = pick(CONTENT_TYPES);
                        what = "content type " + contentType;
                    }
                    case 1 -> {
                        body = pick(STRUCTURAL).getBytes(StandardCharsets.UTF_8);
                        what = "body " + new String(body, StandardCharsets.UTF_8);
                    }
                    default -> {
                        String removed = pick(new ArrayList<>(fields.keySet().isEmpty() ? List.of("none") : fields.keySet()));
                        if (random.nextBoolean()) {
                            fields.remove(removed);
                            what = "without " + removed;
                        } else {
                            fields.put(removed, random.nextBoolean() ? "null" : "\"   \"");
                            what = removed + " null or blank";
                        }
                    }
                }
            }
        }
        if (body == null && fields != null) {
            body = assemble(fields).getBytes(StandardCharsets.UTF_8);
        }
        String target = fill(values.getOrDefault("template", template), values);
        boolean tooLarge = body != null && body.length > limit;
        return new HostileRequest(method, target, contentType, body, chunked && body != null, headers, tooLarge,
                endpoint.method() + " " + endpoint.template() + ": " + what);
    }

    // ---- path, query, headers

    private String mutatePathSegment(String template, Map<String, String> values) {
        List<String> placeholders = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(template.split("\\?")[0]);
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        if (placeholders.isEmpty() || random.nextInt(5) == 0) {
            String suffix = pick(List.of("/", "//", "/x", "/..", "/%2e%2e/api/audit/verify", ";jsessionid=1", "%00", "/%FF",
                    "#fragment", "/" + "a".repeat(5000)));
            String path = template.split("\\?")[0];
            String query = template.contains("?") ? "?" + template.split("\\?", 2)[1] : "";
            values.put("template", path + suffix + (suffix.startsWith("?") ? "" : query));
            return "path suffix " + suffix;
        }
        String name = pick(placeholders);
        String hostile = random.nextInt(6) == 0 ? UUID.randomUUID().toString() : pick(HOSTILE_SEGMENTS);
        values.put(name, hostile);
        return "{" + name + "} = " + abbreviate(hostile);
    }

    private String mutateQuery(Map<String, String> values) {
        String hostile = pick(HOSTILE_QUERY_VALUES);
        String param = pick(List.of("asOf", "from", "to", "therapistId", "after", "limit", "episodeId", "unknown"));
        int how = random.nextInt(5);
        String extra = switch (how) {
            case 0 -> param + "=" + hostile;
            case 1 -> param + "=" + hostile + "&" + param + "=2026-01-01";
            case 2 -> param;
            case 3 -> (param + "=1&").repeat(1 + random.nextInt(1500)) + "x=1";
            default -> param + "=" + "9".repeat(1 + random.nextInt(3000));
        };
        // a parameter given twice: the hostile one first, so it is the one Spring binds
        values.put("queryPrefix", extra);
        return "query " + abbreviate(extra);
    }

    private String mutateHeaders(Map<String, String> headers) {
        switch (random.nextInt(4)) {
            case 0 -> {
                String auth = pick(List.of("", "Basic", "Basic !!!not-base64!!!", "Basic " + b64("no-colon"),
                        HostileHttp.basic("clinic-lead", "wrong"), HostileHttp.basic("nobody", "x"), HostileHttp.basic("reporting"),
                        "Bearer garbage", "Bearer a.b.c", "Bearer " + "x".repeat(4000), "Digest username=\"x\"",
                        "Basic " + b64("é:ü"), "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                        HostileHttp.basic("clinic-lead", "p".repeat(100)), HostileHttp.basic("nobody", "ü".repeat(500)),
                        HostileHttp.basic("u".repeat(3000), "x"), "Basic " + b64(":"), "Bearer "));
                if (auth.isEmpty() && random.nextBoolean()) {
                    headers.remove("Authorization");
                    return "no Authorization";
                }
                headers.put("Authorization", auth);
                return "Authorization " + abbreviate(auth);
            }
            case 1 -> {
                String key = pick(List.of("", " ", "k".repeat(256), "k".repeat(4000), "é", "\t", "fuzz-key-" + random.nextInt(5)));
                headers.put("Idempotency-Key", key);
                return "Idempotency-Key " + abbreviate(key);
            }
            case 2 -> {
                String id = pick(List.of("", "<script>", "x".repeat(129), "a b", "../../etc", "%00", "é"));
                headers.put("X-Correlation-Id", id);
                return "X-Correlation-Id " + abbreviate(id);
            }
            default -> {
                headers.put("X-Fuzz", "v".repeat(1 + random.nextInt(6000)));
                return "a long unknown header";
            }
        }
    }

    private String fill(String template, Map<String, String> values) {
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (value.getValue() != null && !value.getKey().equals("template") && !value.getKey().equals("queryPrefix")) {
                filled = filled.replace("{" + value.getKey() + "}", value.getValue());
            }
        }
        String prefix = values.get("queryPrefix");
        if (prefix != null) {
            filled = filled.contains("?") ? filled.replaceFirst("\\?", "?" + prefix.replace("$", "\\$") + "&") : filled + "?" + prefix;
        }
        return filled;
    }

    // ---- body mutations

    private String wrongType(Map<String, String> fields) {
        String field = anyField(fields);
        String value = pick(WRONG_TYPES);
        fields.put(field, value);
        return field + " = " + abbreviate(value);
    }

    private String hugeString(Map<String, String> fields) {
        String field = anyField(fields);
        int length = pick(List.of(201, 4001, 20_000, 60_000, 140_000));
        StringBuilder text = new StringBuilder(length);
        String alphabet = "aZ09 éß漢字😀\"\\/\n\t\u0001\u200b";
        while (text.length() < length) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c)) {
                text.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        fields.put(field, json(text.toString()));
        return field + " = a string of " + text.length() + " chars";
    }

    private String deepNesting(Map<String, String> fields) {
        int depth = pick(List.of(33, 200, 1001, 5000, 60_000));
        boolean arrays = random.nextBoolean();
        String nested = arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        String field = anyField(fields);
        fields.put(field, nested);
        return field + " nested " + depth + " deep in " + (arrays ? "arrays" : "objects");
    }

    private String unknownFields(Map<String, String> fields) {
        int count = pick(List.of(1, 1, 3, 2000));
        for (int i = 0; i < count; i++) {
            fields.put("unknown" + i + pick(List.of("", "_x", "Ü", "$")), pick(WRONG_TYPES));
        }
        return count + " unknown fields";
    }

    private String numbersAndDates(Map<String, String> fields) {
        String field = fields.keySet().stream()
                .filter(k -> k.endsWith("On") || k.equals("startsAt") || k.equals("durationMinutes")
                        || k.equals("additionalSessions") || k.equals("maxCaseload") || k.equals("items") || k.equals("phq9")
                        || k.equals("gad7"))
                .collect(Collectors.collectingAndThen(Collectors.toList(), l -> l.isEmpty() ? anyField(fields) : pick(l)));
        String value;
        if (field.endsWith("On") || field.equals("startsAt")) {
            value = pick(DATES);
        } else if (field.equals("items") || field.equals("phq9") || field.equals("gad7")) {
            value = pick(List.of("[-1,0,0,0,0,0,0,0,0]", "[4,0,0,0,0,0,0,0,0]", "[0,0,0,0,0,0,0,0,2147483648]",
                    "[1.5,0,0,0,0,0,0,0,0]", "[]", "[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]",
                    "[null,0,0,0,0,0,0,0,0]", "[\"1\",0,0,0,0,0,0,0,0]", "[1e400,0,0,0,0,0,0,0,0]", "[0,0,0,0,0,0,0]",
                    "[" + "0,".repeat(20_000) + "0]"));
        } else {
            value = pick(NUMBERS);
        }
        fields.put(field, value);
        return field + " = " + abbreviate(value);
    }

    private byte[] invalidUtf8(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        byte[] bad = pick(List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {0x00}));
        // inside a string value when there is one (after an opening quote of a value), else anywhere
        int at = valid.indexOf(":\"");
        int position = at >= 0 && random.nextInt(4) != 0 ? valid.substring(0, at + 2).getBytes(StandardCharsets.UTF_8).length
                : random.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, position);
        out.writeBytes(bad);
        out.write(bytes, position, bytes.length - position);
        return out.toByteArray();
    }

    private byte[] oversized() {
        int size = (int) limit + pick(List.of(1, 100, 10_000, 200_000));
        StringBuilder body = new StringBuilder(size + 16).append("{\"name\":\"");
        while (body.length() < size) {
            body.append('x');
        }
        return body.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- corpus values

    static final List<String> HOSTILE_SEGMENTS = List.of("not-a-uuid", "123", "0", "-1", "2147483648", "99999999999999999999",
            "1.5", "1e3", "0x1F", "null", "true", "%20", "%00", "%FF%FE", "%C3%28", "%E2%82", "%ED%A0%80", "%2E%2E", "%2F",
            "%252F", "a;b=1", "%3B", "%5C", "%25", "00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
            "1-1-1-1-1", "%7Bid%7D", "'%20OR%201=1--", "%3Cscript%3E", UUID.randomUUID() + "x",
            UUID.randomUUID().toString().replace("-", ""), "x".repeat(3000), "%E2%98%83", "%F0%9F%98%80", "episode-view%00",
            "caseload%2F..", "%09", "+", "~", "*");

    static final List<String> HOSTILE_QUERY_VALUES = List.of("", "abc", "2026-13-01", "2026-02-30", "%2B999999999-12-31",
            "+999999999-12-31", "-999999999-01-01", "0000-01-01", "0001-01-01", "9999-12-31", "2026-03-02T09:00:00Z",
            "2026-03-02T25:00:00Z", "%2B1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z", "%2B294277-01-01T00:00:00Z",
            "-4714-11-24T00:00:00Z", "1970-01-01T00:00:00Z", "2026-03-02", "9223372036854775807", "-9223372036854775808",
            "9223372036854775808", "-1", "0", "1.5", "1e9", "%FF", "%C3%28", "%00", "not-a-uuid",
            "00000000-0000-0000-0000-000000000000", "%27%20OR%201=1--", "null", "%5B%5D", "%7B%7D");

    static final List<String> WRONG_TYPES = List.of("null", "true", "false", "0", "-1", "1.5", "-0", "1e308", "1e400",
            "2147483648", "-2147483649", "9223372036854775808", "1" + "0".repeat(100), "0.1e-999999", "\"\"", "\" \"",
            "\"\\u0000\"", "\"\\ud800\"", "\"x\"", "[]", "{}", "[1,2,3]", "[null]", "{\"a\":1}", "[[[]]]", "\"2026-03-02\"",
            "\"ROUTINE\"", "\"routine\"", "[2026,3,2]", "1700000000", "\"<script>alert(1)</script>\"",
            "\"'; DROP TABLE domain_event_entry;--\"", "\"%s%n\"", "\"\\n\\r\\t\"", "\"\\u202e\"", "NaN", "Infinity", "\"\\uFFFF\"");

    static final List<String> DATES = List.of("\"2026-13-01\"", "\"2026-02-30\"", "\"+999999999-12-31\"", "\"-999999999-01-01\"",
            "\"0000-01-01\"", "\"0001-01-01\"", "\"1000-01-01\"", "\"1899-12-31\"", "\"9999-12-31\"", "\"+10000-01-01\"",
            "\"2026-03-02T25:00:00Z\"", "\"+1000000000-12-31T23:59:59Z\"", "\"-1000000000-01-01T00:00:00Z\"",
            "\"+10000-01-01T00:00:00Z\"", "\"-4714-11-24T00:00:00Z\"", "\"+294277-01-01T00:00:00Z\"", "\"0001-01-01T00:00:00Z\"",
            "\"2026-03-02\"", "\"2026-03-02T09:00:00\"", "\"2026-03-02T09:00:00+25:00\"", "\"2026-03-02T09:00:00+01:00\"",
            "1700000000", "-62167219200", "9223372036854775807", "-9223372036854775808", "1e20", "[2026,3,2]", "[2026,13,2]",
            "[-999999999,1,1]", "[999999999,12,31]", "\"\"", "\"now\"", "\"2026-W10-1\"", "\"20260302\"", "\"2100-01-01\"",
            "\"2200-01-01T00:00:00Z\"");

    static final List<String> NUMBERS = List.of("-1", "0", "-2147483648", "2147483647", "2147483648", "1e10", "1.5", "1.0", "-0",
            "99999999999999999999999", "1E2", "\"50\"", "NaN", "Infinity", "-Infinity", "0x10", "010", "1" + "0".repeat(70),
            "-" + "9".repeat(40), "1e-400");

    static final List<String> STRUCTURAL = List.of("", " ", "null", "[]", "\"x\"", "123", "{", "}", "{}", "{}{}", "{\"a\":}",
            "{,}", "{\"a\":1}garbage", "\uFEFF{}", "/*c*/{}", "{'a':1}", "{\"a\":1,}", "\u0000", "{\"a\":NaN}", "[{}]",
            "{\"a\":\"\\ud800\"}", "{\"a\":\"\\x41\"}", "{\"a\" 1}", "true", "{\"a\":01}", "\"\\u");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "application/json; charset=nonexistent", "application/json; charset=UTF-16",
            "application/json; charset=ISO-8859-1", "*/*", "application/", "garbage", "application/json;;;",
            "application/merge-patch+json", "application/problem+json", "application/json; charset=\"", "text/html",
            "application/x-ndjson", "application/octet-stream", "application/json; boundary=--", "");

    // ---- helpers

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String anyField(Map<String, String> fields) {
        if (fields.isEmpty()) {
            fields.put("anything", "1");
        }
        return pick(new ArrayList<>(fields.keySet()));
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String sometime(Random random) {
        return Instant.parse("2026-03-23T09:00:00Z").plus(random.nextInt(200), ChronoUnit.DAYS)
                .plus(random.nextInt(10), ChronoUnit.HOURS).toString();
    }

    private static Map<String, String> rawFields(Map<String, Object> body) {
        Map<String, String> raw = new LinkedHashMap<>();
        body.forEach((key, value) -> raw.put(key, json(value)));
        return raw;
    }

    private static String assemble(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> json(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "… (" + text.length() + " chars)" : text;
    }
}
