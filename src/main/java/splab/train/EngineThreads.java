package splab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The PyTorch engine's intra-op thread count, and single-threaded workers for work made of many small operators.
 *
 * <p>Decoding feeds the model one token per step, so each operator works on a few kilobytes: splitting such an
 * operator over two threads costs more in waking the second thread than it saves (on this lab's virtual
 * machine every wake-up is a trip through the hypervisor). {@link #onWorkers} therefore runs a task on as many
 * single-threaded workers as asked, each taking its own share of the work ({@code TransformerNavigator} shares
 * its batches this way). The workers are long-lived daemon threads: the engine reads its thread count into a
 * thread when that thread first runs a parallel operator, and the workers first run one while
 * {@link #singleThreaded} holds the count at one, so they keep one thread each; reusing them also spares the
 * native libraries' per-thread state of a new thread at every evaluation. Each task runs with the engine's
 * gradient recording off (a per-thread switch, on in every new thread). A preloaded OpenBLAS ({@link NativeBlas})
 * is set to one thread while the workers run.
 */
public final class EngineThreads {

    private static ExecutorService workers;

    private EngineThreads() {
    }

    /**
     * Runs {@code task} on {@code count} single-threaded workers at once and waits for every one of them, also
     * when one fails; the first failure is then rethrown. The task must itself stop early once another copy of
     * it has failed, if that matters (it is simply waited for).
     */
    public static void onWorkers(Runnable task, int count) {
        ExecutorService pool = pool();
        Throwable failure = null;
        try (Scope single = singleThreaded()) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < count; w++) {
                running.add(pool.submit(() -> {
                    JniUtils.setGradMode(false);
                    task.run();
                }));
            }
            for (Future<?> f : running) {
                try {
                    getUninterruptibly(f);
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                }
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Waits for {@code f}, keeping the caller's interrupt for afterwards: the workers use the caller's arrays. */
    private static void getUninterruptibly(Future<?> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static synchronized ExecutorService pool() {
        if (workers == null) {
            AtomicInteger made = new AtomicInteger();
            workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "splab-worker-" + made.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return workers;
    }

    /** The intra-op thread count the engine uses now (train.threads, or the engine's default when 0). */
    public static int intraOp() {
        Engine.getEngine("PyTorch"); // loads the native library before any JNI call
        return JniUtils.getNumThreads();
    }

    /** Sets the engine and OpenBLAS to one thread until the scope closes. */
    private static Scope singleThreaded() {
        int engine = intraOp();
        int blas = NativeBlas.openBlasThreads();
        JniUtils.setNumThreads(1);
        NativeBlas.setThreads(1);
        return new Scope(engine, blas);
    }

    /** Restores the thread counts found when it was opened. */
    private static final class Scope implements AutoCloseable {
        private final int engine;
        private final int blas;

        private Scope(int engine, int blas) {
            this.engine = engine;
            this.blas = blas;
        }

        @Override
        public void close() {
            JniUtils.setNumThreads(engine);
            NativeBlas.setThreads(blas);
        }
    }
}
