package splab.train;

import java.util.EnumMap;
import java.util.Map;

/**
 * Wall time of training steps split by phase, summed over steps: building the batch's arrays and closing
 * the step's arrays (host), forward pass with loss, backward pass, reading loss and accuracy back, and the
 * optimizer. CPU operations of the engine are synchronous, so a phase's time is the time its operations take.
 */
public final class StepProfile {

    /** The phases of one training step. */
    public enum Phase { HOST, FORWARD, BACKWARD, METRICS, OPTIMIZER }

    private final Map<Phase, Long> nanos = new EnumMap<>(Phase.class);

    /** Adds the time since {@code since} (a {@link System#nanoTime} value) to {@code phase}; returns now. */
    long lap(Phase phase, long since) {
        long now = System.nanoTime();
        nanos.merge(phase, now - since, Long::sum);
        return now;
    }

    /** Milliseconds spent in {@code phase} so far. */
    public double millis(Phase phase) {
        return nanos.getOrDefault(phase, 0L) / 1e6;
    }

    /** Forgets every phase's time (after warm-up steps). */
    public void reset() {
        nanos.clear();
    }

    /** One line: each phase's share of the total and its mean milliseconds per step over {@code steps}. */
    public String summary(int steps) {
        double total = 0;
        for (Phase p : Phase.values()) {
            total += millis(p);
        }
        StringBuilder out = new StringBuilder("step profile (ms/step, share):");
        for (Phase p : Phase.values()) {
            out.append(String.format(" %s %.1f (%.0f%%)", p.name().toLowerCase(java.util.Locale.ROOT),
                    millis(p) / Math.max(1, steps), total == 0 ? 0 : 100 * millis(p) / total));
        }
        return out.toString();
    }
}
