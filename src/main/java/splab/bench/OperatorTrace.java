package splab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Operator times from a Chrome trace (the JSON the PyTorch profiler writes: complete events with a name, a
 * thread, a start {@code ts} and a duration {@code dur}, in microseconds). An operator's self time is its
 * duration minus that of the operators it called, found by nesting the events of each thread by time, so the
 * self times of all operators add up to the time spent inside the engine.
 */
public final class OperatorTrace {

    /** One operator name's totals: calls, inclusive microseconds and self microseconds. */
    public record Op(String name, int calls, double totalMicros, double selfMicros) {
    }

    private record Event(String name, long tid, double start, double duration) {
    }

    private final List<Op> ops;

    OperatorTrace(List<Op> ops) {
        this.ops = ops;
    }

    public List<Op> ops() {
        return ops;
    }

    public static OperatorTrace read(Path file) {
        try {
            return of(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operator trace " + file, e);
        }
    }

    /** Totals per operator name of a parsed trace: an array of events, or an object holding {@code traceEvents}. */
    public static OperatorTrace of(JsonNode root) {
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        List<Event> list = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.has("dur") && e.has("ts") && "X".equals(e.path("ph").asText("X"))) {
                list.add(new Event(e.path("name").asText(), e.path("tid").asLong(), e.path("ts").asDouble(),
                        e.path("dur").asDouble()));
            }
        }
        // parents first: by thread, then start, then the longer event
        list.sort(Comparator.comparingLong(Event::tid).thenComparingDouble(Event::start)
                .thenComparing(Comparator.comparingDouble(Event::duration).reversed()));
        Map<String, double[]> totals = new LinkedHashMap<>(); // name -> calls, total, self
        Deque<Event> open = new ArrayDeque<>();
        long tid = Long.MIN_VALUE;
        for (Event e : list) {
            if (e.tid() != tid) {
                open.clear();
                tid = e.tid();
            }
            while (!open.isEmpty() && open.peek().start() + open.peek().duration() <= e.start()) {
                open.pop();
            }
            if (!open.isEmpty()) {
                totals.get(open.peek().name())[2] -= e.duration(); // the caller's self time excludes this call
            }
            double[] t = totals.computeIfAbsent(e.name(), k -> new double[3]);
            t[0]++;
            t[1] += e.duration();
            t[2] += e.duration();
            open.push(e);
        }
        List<Op> ops = new ArrayList<>();
        totals.forEach((name, t) -> ops.add(new Op(name, (int) t[0], t[1], t[2])));
        ops.sort(Comparator.comparingDouble(Op::selfMicros).reversed());
        return new OperatorTrace(ops);
    }

    /** Sum of all self times (microseconds): the time spent inside profiled operators. */
    public double selfMicros() {
        return ops.stream().mapToDouble(Op::selfMicros).sum();
    }

    /** The {@code top} operators by self time, one line each, with their share of {@link #selfMicros()}. */
    public String summary(int top) {
        double all = selfMicros();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "operators: %d kinds, %.1f ms of self time in all%n%-44s %8s %10s %10s %6s%n", ops.size(), all / 1000,
                "operator", "calls", "self ms", "total ms", "self%"));
        for (Op op : ops.subList(0, Math.min(top, ops.size()))) {
            s.append(String.format(Locale.ROOT, "%-44s %8d %10.1f %10.1f %5.1f%%%n", op.name(), op.calls(),
                    op.selfMicros() / 1000, op.totalMicros() / 1000, 100 * op.selfMicros() / all));
        }
        return s.toString();
    }
}
