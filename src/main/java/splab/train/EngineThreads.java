package splab.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The PyTorch engine's intra-op thread count, and a scope that runs it single-threaded.
 *
 * <p>Decoding feeds the model one token per step, so each operator works on a few kilobytes: splitting such an
 * operator over two threads costs more in waking the second thread than it saves (on this lab's virtual
 * machine every wake-up is a trip through the hypervisor). Decoding therefore runs as many single-threaded
 * workers as the engine had threads, each on its own share of the batches ({@code TransformerNavigator}). The
 * engine's count is global and read by each thread when it first runs a parallel operator, so the workers
 * must be fresh threads started inside the scope; the thread that opened the scope gets its count back on
 * {@link Scope#close}. A preloaded OpenBLAS ({@link NativeBlas}) is set to one thread for the same span.
 */
public final class EngineThreads {

    private EngineThreads() {
    }

    /** The intra-op thread count the engine uses now (train.threads, or the engine's default when 0). */
    public static int intraOp() {
        Engine.getEngine("PyTorch"); // loads the native library before any JNI call
        return JniUtils.getNumThreads();
    }

    /** Sets the engine and OpenBLAS to one thread until the scope closes. */
    public static Scope singleThreaded() {
        int engine = intraOp();
        int blas = NativeBlas.openBlasThreads();
        JniUtils.setNumThreads(1);
        NativeBlas.setThreads(1);
        return new Scope(engine, blas);
    }

    /** Restores the thread counts found when it was opened. */
    public static final class Scope implements AutoCloseable {
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
