package splab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The stop rule on synthetic streams of evaluation figures. */
class StopAtTest {

    private static int stopsAt(StopAt rule, List<Double> stream) {
        StopAt.Watch w = rule.watch();
        for (int i = 0; i < stream.size(); i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("eval_correct", stream.get(i));
            row.put("eval_d3plus", null); // a sample without distance-3 pairs
            if (w.observe(row)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theLevelMustHoldAtConsecutiveEvaluations() {
        List<Double> stream = List.of(0.97, 0.99, 0.98, 0.99, 0.995, 0.999);
        assertEquals(4, stopsAt(new StopAt("eval_correct", 0.99, 2, 0), stream));
        assertEquals(1, stopsAt(new StopAt("eval_correct", 0.99, 1, 0), stream));
        assertEquals(5, stopsAt(new StopAt("eval_correct", 0.99, 3, 0), stream));
        assertEquals(-1, stopsAt(new StopAt("eval_correct", 0.9999, 1, 0), stream));
        assertEquals(-1, stopsAt(StopAt.off(), stream), "off never stops");
        assertEquals(-1, stopsAt(new StopAt("eval_d3plus", 0.5, 1, 0), stream), "a missing figure never counts as reached");
    }

    @Test
    void theReasonNamesTheRuleAndTheBudgetIsChecked() {
        StopAt.Watch w = new StopAt("eval_correct", 0.99, 2, 0).watch();
        assertNull(w.reason());
        w.observe(Map.of("eval_correct", 0.99));
        w.observe(Map.of("eval_correct", 0.995));
        assertEquals("eval_correct >= 0.99 at 2 evaluations in a row", w.reason());

        StopAt.Watch budget = new StopAt("eval_correct", 0, 2, 60).watch();
        assertFalse(budget.overBudget(59.9));
        assertTrue(budget.overBudget(60));
        assertEquals("wall-time budget of 60 s spent", budget.reason());
        assertFalse(StopAt.off().watch().overBudget(1e9));
    }

    @Test
    void badSettingsAreRefusedWithTheKeyNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new StopAt("loss", 0.9, 1, 0)).getMessage()
                .contains("train.stopAt.metric"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new StopAt("eval_correct", 1.5, 1, 0)).getMessage()
                .contains("train.stopAt.atLeast"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new StopAt("eval_correct", 0.9, 0, 0)).getMessage()
                .contains("train.stopAt.evaluations"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new StopAt("eval_correct", 0.9, 1, -1)).getMessage()
                .contains("train.stopAt.wallSeconds"));
        IllegalArgumentException noEval = assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults()
                .with(c -> {
                    c.evalInterval = 0;
                    c.stopAt = new StopAt("eval_correct", 0.99, 2, 0);
                }));
        assertTrue(noEval.getMessage().contains("needs held-out evaluations"), noEval.getMessage());
    }
}
