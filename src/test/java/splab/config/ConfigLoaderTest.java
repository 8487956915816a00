package splab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultExperimentIsTheEmbeddedDefault() {
        assertEquals(LabConfig.defaults(), ConfigLoader.load(Path.of("experiments/default.json"), List.of()));
        assertEquals(LabConfig.defaults(), ConfigLoader.load(null, List.of()));
    }

    @Test
    void everyExperimentLoads() throws IOException {
        try (var files = Files.list(Path.of("experiments"))) {
            List<Path> configs = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertTrue(configs.size() >= 8, "experiments: " + configs);
            for (Path f : configs) {
                LabConfig c = ConfigLoader.load(f, List.of());
                assertEquals(c, ConfigLoader.load(f, List.of()), f.toString());
            }
        }
        assertEquals(1, ConfigLoader.load(Path.of("experiments/heads-1.json"), List.of()).model().heads());
        assertEquals(8, ConfigLoader.load(Path.of("experiments/ood.json"), List.of()).data().trainNMax());
    }

    @Test
    void fileThenOverridesWin() throws IOException {
        Path f = dir.resolve("c.json");
        Files.writeString(f, "{\"seed\": 7, \"data\": {\"nMax\": 8, \"nodeMix\": \"connected\"}}");
        LabConfig c = ConfigLoader.load(f, List.of("data.nMax=6", "data.edgeProbability=0.3", "data.labelPath=smallest"));
        assertEquals(7, c.seed());
        assertEquals(6, c.data().nMax());
        assertEquals(0.3, c.data().edgeProbability());
        assertEquals(splab.graph.NodeCountMix.CONNECTED, c.data().nodeMix());
        assertEquals(splab.data.DataConfig.LabelPath.SMALLEST, c.data().labelPath());
        assertEquals(LabConfig.defaults().data().graphs(), c.data().graphs(), "untouched keys keep their defaults");
    }

    @Test
    void savedConfigLoadsBackToTheSameValue() {
        LabConfig c = ConfigLoader.load(null, List.of("data.graphs=5", "seed=3"));
        Path f = dir.resolve("config.json");
        ConfigLoader.save(c, f);
        assertEquals(c, ConfigLoader.load(f, List.of()));
    }

    @Test
    void unknownKeysAndWrongTypesAreLoudErrors() throws IOException {
        Path f = dir.resolve("c.json");
        Files.writeString(f, "{\"data\": {\"nodes\": 8}}");
        String m = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, List.of())).getMessage();
        assertTrue(m.contains("unknown key 'data.nodes'") && m.contains("data.nMax"), m);
        Files.writeString(f, "{\"data\": {\"nMax\": \"ten\"}}");
        m = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, List.of())).getMessage();
        assertTrue(m.contains("'data.nMax' expects an integer, got \"ten\""), m);
        Files.writeString(f, "{\"data\": {\"nMax\": 8,}");
        m = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, List.of())).getMessage();
        assertTrue(m.contains("malformed JSON at line 1"), m);
        m = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("data.nMax=2.5"))).getMessage();
        assertTrue(m.contains("expects an integer"), m);
        m = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("train.stepz=5"))).getMessage();
        assertTrue(m.contains("unknown key 'train.stepz'"), m);
        m = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("data.nMin=9", "data.nMax=4"))).getMessage();
        assertTrue(m.contains("data.nMin (9) is greater than data.nMax (4)"), m);
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("data.nMax")));
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(dir.resolve("missing.json"), List.of()));
    }

    @Test
    void aRunFolderWrittenWithSeedCopiesStillLoadsAndDisagreeingCopiesAreRefused() throws IOException {
        Path f = dir.resolve("config.json");
        Files.writeString(f, "{\"seed\": 4, \"train\": {\"steps\": 9, \"seed\": 4}, \"spectral\": {\"seed\": 4, \"k\": 2}}");
        LabConfig c = ConfigLoader.load(f, List.of());
        assertEquals(ConfigLoader.load(null, List.of("seed=4", "train.steps=9", "spectral.k=2")), c);
        for (String section : List.of("train", "spectral")) {
            assertTrue(!ConfigLoader.defaultsTree().path(section).has("seed"), section + " carries no copy of the seed");
        }

        Files.writeString(f, "{\"seed\": 4, \"train\": {\"seed\": 5}}");
        String m = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, List.of())).getMessage();
        assertTrue(m.contains(f.toString()) && m.contains("train.seed (5) differs from seed (4)"), m);
        Files.writeString(f, "{\"spectral\": {\"seed\": 2}}");
        m = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, List.of())).getMessage();
        assertTrue(m.contains("spectral.seed (2) differs from seed (1)"), m);
        m = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("train.seed=1"))).getMessage();
        assertTrue(m.contains("one seed drives the whole run") && m.contains("--seed"), m);
    }

    @Test
    void theModelSectionIsTheArchitectureAndTheTokenShapeFollowsTheData() {
        LabConfig c = LabConfig.defaults();
        assertEquals(16, c.model().vocabSize(), "10 node tokens and 6 special tokens");
        assertEquals(151, c.model().maxSeqLen(), "45 edges and a 9-step path on 10 nodes");
        assertEquals(512, c.model().hiddenWidth());
        List<String> keys = new java.util.ArrayList<>();
        ConfigLoader.defaultsTree().path("model").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("dModel", "heads", "layers", "mlpWidth", "dropout", "positions"), keys);
        LabConfig small = ConfigLoader.load(null, List.of("data.maxNodes=8", "data.nMax=8", "model.positions=learned"));
        assertEquals(14, small.model().vocabSize());
        assertEquals(splab.model.ModelConfig.Positions.LEARNED, small.model().positions());
        assertEquals(small, ConfigLoader.load(null, List.of("data.maxNodes=8", "data.nMax=8", "model.positions=LEARNED")));
        String m = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("model.vocabSize=20")))
                .getMessage();
        assertTrue(m.contains("unknown key 'model.vocabSize'"), m);
    }

    @Test
    void slnSettingsAreBoundOnceAsEnumsInEitherCaseAndABadValueListsTheAllowedOnes() throws IOException {
        Path f = dir.resolve("config.json");
        Files.writeString(f, "{\"navigate\": {\"sln\": {\"laplacian\": \"normalized\", \"k\": 0, "
                + "\"weighting\": \"RESISTANCE\", \"tie\": \"highest_index\"}}}");
        splab.navigate.SpectralLineNavigator.Config sln = ConfigLoader.load(f, List.of()).navigate().sln();
        assertEquals(splab.navigate.SpectralLineNavigator.Config.defaults()
                .withLaplacian(splab.spectral.Laplacian.Variant.NORMALIZED).withK(0)
                .withWeighting(splab.navigate.SpectralLineNavigator.Weighting.RESISTANCE)
                .withTie(splab.navigate.SpectralLineNavigator.TieRule.HIGHEST_INDEX), sln);
        assertEquals(4, sln.eigenvectorsFor(5), "k = 0 takes every non-trivial eigenvector");
        assertEquals(Integer.MAX_VALUE, sln.maxSteps(), "stepLimit 0 is no limit");

        String m = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, List.of("navigate.sln.distance=median"))).getMessage();
        assertEquals("config: key 'navigate.sln.distance': 'median' is not one of min, mean (either case)", m);
        m = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, List.of("model.positions=sinusoidal"))).getMessage();
        assertTrue(m.contains("sinusoidal") && m.contains("rope") && m.contains("learned"), m);
        m = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("spectral.k=0"))).getMessage();
        assertTrue(m.contains("spectral.k must be >= 1"), m);
    }
}
