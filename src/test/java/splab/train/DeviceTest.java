package splab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import splab.model.ModelConfig;

/** {@code train.device}: every array of a training step lives on the chosen device (here the CPU). */
class DeviceTest {

    @Test
    void everyParameterGradientMomentAndBatchArrayIsOnTheCpu() {
        SyntheticPaths source = new SyntheticPaths(10, 3, 5, 0.5, 32);
        TrainConfig config = TrainConfig.defaults().with(c -> {
                c.batchSize = 4; c.steps = 3; c.warmupSteps = 1; c.evalInterval = 0; c.logInterval = 0; c.threads = 1;
                c.device = "cpu";
        });
        try (Training t = Training.start(ModelConfig.of(ModelConfig.vocabSizeFor(10), 32, 16, 2), config, 1, source)) {
            assertEquals(Device.cpu(), t.device());
            t.trainStep();
            int parameters = 0;
            for (Pair<String, Parameter> p : t.model().getParameters()) {
                NDArray array = p.getValue().getArray();
                assertEquals(Device.cpu(), array.getDevice(), p.getKey());
                assertEquals(Device.cpu(), array.getGradient().getDevice(), p.getKey() + " gradient");
                parameters++;
            }
            assertTrue(parameters > 10, "the model has its parameters: " + parameters);
            for (NDArray moment : t.optimizer().moments()) {
                assertEquals(Device.cpu(), moment.getDevice(), "optimizer moment");
            }
            try (NDManager sub = t.manager().newSubManager()) {
                Training.BatchArrays arrays = t.arrays(source.next(4, new Random(1)), sub);
                for (NDArray a : new NDArray[] {arrays.input(), arrays.target(), arrays.mask()}) {
                    assertEquals(Device.cpu(), a.getDevice(), "batch array");
                }
            }
            assertEquals(Device.cpu(), t.model().device());
        }
    }

    @Test
    void autoPicksAGpuOnlyWhenTheEngineSeesOneAndGpuWithoutOneIsAnError() {
        boolean gpu = Engine.getEngine("PyTorch").getGpuCount() > 0;
        assertEquals(gpu ? Device.gpu() : Device.cpu(), Training.device("auto"));
        assertEquals(Device.cpu(), Training.device("cpu"));
        if (!gpu) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Training.device("gpu")).getMessage()
                    .contains("no CUDA device"));
        }
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().with(c -> c.device = "tpu"));
    }
}
