package splab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void libraryVersionsAreReadFromTheJarsOnTheClassPath() {
        assertEquals("0.36.0", Provenance.manifestVersion("ai.djl.Device"));
        assertTrue(Provenance.propertyVersion("/native/lib/pytorch.properties").startsWith("2.7.1"));
        assertEquals("1.5.3", Provenance.mavenVersion("org.jgrapht", "jgrapht-core"));
        assertEquals("unknown", Provenance.manifestVersion("no.such.Type"));
        assertEquals("unknown", Provenance.propertyVersion("/no/such.properties"));
    }
}
