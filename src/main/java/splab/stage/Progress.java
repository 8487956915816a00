package splab.stage;

import java.io.PrintStream;
import java.util.function.LongConsumer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long task: a bar when standard error is a terminal, otherwise a plain line every few
 * seconds (logs and CI output stay readable). Feed it the amount done so far.
 */
public final class Progress implements LongConsumer, AutoCloseable {
    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

    private final String task;
    private final long total;
    private final ProgressBar bar;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private long lastLine = start;
    private long done;

    public Progress(String task, long total) {
        this.task = task;
        this.total = total;
        this.out = System.err;
        this.bar = System.console() != null
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(250).continuousUpdate().build()
                : null;
    }

    @Override
    public void accept(long value) {
        done = value;
        if (bar != null) {
            bar.stepTo(value);
            return;
        }
        long now = System.nanoTime();
        if (now - lastLine >= LINE_INTERVAL_NANOS) {
            lastLine = now;
            line();
        }
    }

    private void line() {
        double secs = (System.nanoTime() - start) / 1e9;
        out.printf("%s: %,d / %,d (%.0f%%) after %.0f s%n", task, done, total, total == 0 ? 100.0 : 100.0 * done / total, secs);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        } else if (done > 0) {
            line();
        }
    }
}
