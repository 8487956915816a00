package splab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SweepGridTest {

    @Test
    void everySettingRunsWithEverySeedLastAxisFastest() {
        SweepGrid g = SweepGrid.parse(List.of("model.heads=1,2", "model.layers=1,2,3"), 2, 5);
        List<SweepGrid.Point> p = g.points();
        assertEquals(2 * 3 * 2, p.size());
        assertEquals("model.heads-1_model.layers-1_seed-5", p.get(0).folderName());
        assertEquals("model.heads-1_model.layers-1_seed-6", p.get(1).folderName());
        assertEquals("model.heads-1_model.layers-2_seed-5", p.get(2).folderName());
        assertEquals("model.heads-2_model.layers-3_seed-6", p.get(11).folderName());
        assertEquals("model.heads=2 model.layers=3", p.get(11).settingLabel());
        assertEquals(List.of("model.heads=2", "model.layers=3", "seed=6"), p.get(11).overrides());
        assertEquals(p.size(), p.stream().map(SweepGrid.Point::folderName).distinct().count(), "folder names are distinct");
    }

    @Test
    void noAxisIsOneSettingPerSeed() {
        List<SweepGrid.Point> p = SweepGrid.parse(List.of(), 3, 1).points();
        assertEquals(3, p.size());
        assertEquals("base", p.get(0).settingLabel());
        assertEquals("seed-3", p.get(2).folderName());
    }

    @Test
    void folderNamesKeepOnlyShellSafeCharacters() {
        SweepGrid.Point p = new SweepGrid.Point(java.util.Map.of("train.target", "any shortest/x"), 1);
        assertEquals("train.target-any-shortest-x_seed-1", p.folderName());
    }

    @Test
    void badAxesAreRefusedWithTheArgumentNamed() {
        for (String bad : List.of("model.heads", "model.heads=", "=1,2", "model.heads=1,,2", "model.heads=1,1", "seed=1,2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of(bad), 1, 1));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("a=1", "a=2"), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("a=1"), 0, 1));
    }
}
