package splab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorTraceTest {

    private static String event(String name, int tid, double ts, double dur) {
        return String.format("{\"name\": \"%s\", \"ph\": \"X\", \"ts\": %s, \"dur\": %s, \"tid\": %d}", name, ts, dur, tid);
    }

    @Test
    void selfTimeExcludesNestedCallsPerThread() throws Exception {
        String json = "[" + String.join(",",
                event("aten::linear", 1, 0, 100),
                event("aten::mm", 1, 10, 60),      // inside linear
                event("aten::add", 1, 75, 20),     // inside linear, after mm
                event("aten::mm", 1, 200, 30),     // top level
                event("aten::mm", 2, 50, 40)) + "]"; // another thread, overlapping in time
        OperatorTrace trace = OperatorTrace.of(new ObjectMapper().readTree(json));
        Map<String, OperatorTrace.Op> ops = trace.ops().stream()
                .collect(Collectors.toMap(OperatorTrace.Op::name, o -> o));
        assertEquals(20, ops.get("aten::linear").selfMicros(), 1e-9);
        assertEquals(100, ops.get("aten::linear").totalMicros(), 1e-9);
        assertEquals(3, ops.get("aten::mm").calls());
        assertEquals(130, ops.get("aten::mm").selfMicros(), 1e-9);
        assertEquals(20, ops.get("aten::add").selfMicros(), 1e-9);
        assertEquals(170, trace.selfMicros(), 1e-9, "self times add up to the time inside operators");
        assertEquals("aten::mm", trace.ops().get(0).name(), "largest self time first");
        assertTrue(trace.summary(2).contains("aten::mm"));
    }

    @Test
    void readsTheTraceEventsObjectForm() throws Exception {
        String json = "{\"traceEvents\": [" + event("aten::gelu", 1, 0, 5) + "]}";
        assertEquals(5, OperatorTrace.of(new ObjectMapper().readTree(json)).selfMicros(), 1e-9);
    }
}
