package org.dit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The numbers of one benchmark run, written as bench-results.json and a Markdown table. */
final class Results {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final StringBuilder table = new StringBuilder("| measure | value |\n|---|---|\n");

    void put(String key, Object value, String label) {
        values.put(key, value instanceof Double d ? Math.round(d * 1000) / 1000.0 : value);
        table.append("| ").append(label).append(" (`").append(key).append("`) | ").append(values.get(key)).append(" |\n");
        System.out.printf("BENCH %-28s %s%n", key, values.get(key));
    }

    Object get(String key) {
        return values.get(key);
    }

    void write(Path json, Path markdown, String heading) throws IOException {
        Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(values) + "\n");
        Files.writeString(markdown, heading + "\n\n" + table);
    }
}
