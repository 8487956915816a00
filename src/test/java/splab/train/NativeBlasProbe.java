package splab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Random;

/**
 * Run in a child JVM by {@link NativeBlasTest}: sets one thread as training does, multiplies two random matrices
 * in the engine and by a plain loop, and prints the BLAS in use, OpenBLAS's thread count and the largest error.
 */
public final class NativeBlasProbe {

    private NativeBlasProbe() {
    }

    public static void main(String[] args) {
        Engine.getEngine("PyTorch");
        NativeBlas.setThreads(1);
        int m = 96, k = 200, n = 72;
        Random rng = new Random(7);
        float[] a = new float[m * k], b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rng.nextGaussian();
        }
        double worst = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(a).reshape(m, k);
            NDArray y = manager.create(b).reshape(k, n);
            float[] engine = x.matMul(y).toFloatArray();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int t = 0; t < k; t++) {
                        sum += (double) a[i * k + t] * b[t * n + j];
                    }
                    worst = Math.max(worst, Math.abs(sum - engine[i * n + j]));
                }
            }
        }
        System.out.println("blas " + NativeBlas.describe());
        System.out.println("openblas threads " + NativeBlas.openBlasThreads());
        System.out.println("max error " + worst);
    }
}
