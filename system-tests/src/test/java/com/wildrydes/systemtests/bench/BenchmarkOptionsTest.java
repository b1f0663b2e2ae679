package com.wildrydes.systemtests.bench;

import com.wildrydes.systemtests.bench.BenchmarkOptions.Section;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTest {

    @Test
    void theFullRunMeetsTheMinimumSampleCounts() {
        BenchmarkOptions options = BenchmarkOptions.parse("--out", "target/x");

        assertThat(options.out()).isEqualTo(Path.of("target/x"));
        assertThat(options.quick()).isFalse();
        assertThat(options.coldStartSamples()).isGreaterThanOrEqualTo(5);
        assertThat(options.hopWarmup()).isGreaterThanOrEqualTo(200);
        assertThat(options.hopCalls()).isGreaterThanOrEqualTo(500);
        assertThat(options.sections()).containsExactlyInAnyOrder(Section.values());
    }

    @Test
    void quickTakesFewerSamples() {
        BenchmarkOptions quick = BenchmarkOptions.parse("--quick");
        BenchmarkOptions full = BenchmarkOptions.parse();

        assertThat(quick.quick()).isTrue();
        assertThat(quick.coldStartSamples()).isLessThan(full.coldStartSamples());
        assertThat(quick.hopCalls()).isLessThan(full.hopCalls());
        assertThat(quick.out()).isEqualTo(Path.of("target", "bench"));
    }

    @Test
    void onlyAndHopCallsNarrowTheRun() {
        BenchmarkOptions options = BenchmarkOptions.parse("--only", "hop, Size", "--hop-calls", "5000");

        assertThat(options.sections()).containsExactlyInAnyOrder(Section.HOP, Section.SIZE);
        assertThat(options.runs(Section.COLD)).isFalse();
        assertThat(options.hopCalls()).isEqualTo(5000);
        assertThat(options.describe()).containsEntry("benchmarks", "size, hop").containsEntry("hop measured calls", "5000");
    }

    @Test
    void refusesWhatItDoesNotKnowNamingWhatItSupports() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast"))
                .hasMessageContaining("unknown argument '--fast'").hasMessageContaining("--quick");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--only", "gc"))
                .hasMessageContaining("unknown benchmark 'gc'").hasMessageContaining("size, hop, cold, jit");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--out")).hasMessageContaining("--out needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--out", "--quick")).hasMessageContaining("--out needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--hop-calls", "0")).hasMessageContaining("positive whole number, not '0'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--hop-calls", "many")).hasMessageContaining("not 'many'");
    }
}
