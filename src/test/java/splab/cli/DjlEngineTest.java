package splab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Utils;

/** The PyTorch engine starts offline from the Maven Central native jars and computes. */
class DjlEngineTest {
    @Test
    void pytorchEngineLoadsOfflineAndComputes() {
        Main.configureOffline();
        assertTrue(Utils.isOfflineMode(), "DJL must run in offline mode");
        assertEquals("true", Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING"));
        Engine engine = Engine.getEngine("PyTorch");
        assertTrue(engine.getVersion().startsWith("2.7.1"), engine.getVersion());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            NDArray b = a.matMul(a);
            assertArrayEquals(new float[] {7, 10, 15, 22}, b.toFloatArray());
        }
    }
}
