package io.basalt.tpch.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest {

    @Test
    void writesEnvironmentLoadsRunsAndTheComparison() {
        String json = JsonReport.toJson(ReportFixtures.comparison());
        assertThat(json).startsWith("{\n  \"format\": 1,")
                .contains("\"git_commit\": \"abc123\"", "\"cores\": 2")
                .contains("\"table\": \"lineitem\"", "\"rows\": 6001215", "\"text_bytes\": 759863287")
                .contains("\"median_ms\": 510", "\"hot_ms\": [\n", "\"planning_ms\": 11", "\"peak_heap_bytes\": 734003200")
                // Q1's hot runs took 1,530 ms of wall time and 2,295 ms of CPU time on 2 cores: 75 %.
                .contains("\"cpu_utilisation\": 0.75", "\"hot_cpu_ms\": [\n            760,\n")
                // Q2 has no CPU figures: no utilisation either.
                .contains("\"cpu_utilisation\": null", "\"hot_cpu_ms\": []")
                .contains("\"geometric_mean_ratio\": ")
                .contains("\"answer\": \"ERROR: out of \\\"memory\\\"\"")
                // A query that did not run has no times: null, not NaN (which JSON does not have).
                .contains("\"cold_ms\": null")
                .doesNotContain("NaN");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
        assertThat(json.chars().filter(c -> c == '[').count()).isEqualTo(json.chars().filter(c -> c == ']').count());
    }

    @Test
    void writerEscapesAndIndents() {
        String json = new JsonWriter().beginObject().field("a", "tab\there \"q\" \\ \u0001").name("list").beginArray()
                .value(1.5).value(2).endArray().name("empty").beginArray().endArray().endObject().text();
        assertThat(json).isEqualTo("{\n  \"a\": \"tab\\there \\\"q\\\" \\\\ \\u0001\",\n  \"list\": [\n    1.5,\n    2\n  ],\n"
                + "  \"empty\": []\n}\n");
    }
}
