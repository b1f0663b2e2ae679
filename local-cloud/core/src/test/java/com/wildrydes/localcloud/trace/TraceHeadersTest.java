package com.wildrydes.localcloud.trace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceHeadersTest {

    @Test
    void theRootIsReadWhereverItStandsInTheHeader() {
        assertThat(TraceHeaders.root("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"))
                .contains("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(TraceHeaders.root("Sampled=0; Root=1-5759e988-bd862e3fe1be46a994272793"))
                .contains("1-5759e988-bd862e3fe1be46a994272793");
    }

    @Test
    void aHeaderWithoutAWellFormedRootHasNone() {
        assertThat(TraceHeaders.root(null)).isEmpty();
        assertThat(TraceHeaders.root("")).isEmpty();
        assertThat(TraceHeaders.root("Parent=53995c3f42cd8ad8")).isEmpty();
        assertThat(TraceHeaders.root("Root=1-5759e988-short")).isEmpty();
        assertThat(TraceHeaders.root("Root=../../etc/passwd")).isEmpty();
    }

    @Test
    void rootIdsAreRecognised() {
        assertThat(TraceHeaders.isRootId("1-5759e988-bd862e3fe1be46a994272793")).isTrue();
        assertThat(TraceHeaders.isRootId("1-5759E988-bd862e3fe1be46a994272793")).isFalse();
        assertThat(TraceHeaders.isRootId(null)).isFalse();
    }
}
