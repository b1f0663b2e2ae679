package com.wildrydes.localcloud.lambda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Function JVMs end by themselves when local-cloud is killed outright (SIGKILL, no shutdown hooks). */
class NoOrphansTest {

    @Test
    void instancesExitWhenTheirParentIsKilled(@TempDir Path artifacts) throws Exception {
        Path jar = FunctionArtifacts.jar(artifacts);
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanParent.class.getName(), jar.toString())
                .redirectErrorStream(true).start();
        try {
            List<Long> pids = null;
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("PIDS [")) {
                    pids = Arrays.stream(line.substring(6, line.length() - 1).split(",\\s*")).map(Long::parseLong).toList();
                    break;
                }
            }
            assertThat(pids).as("the parent reported its instances").hasSize(2);
            for (long pid : pids) {
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
            }

            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            for (long pid : pids) {
                ProcessHandle instance = ProcessHandle.of(pid).orElse(null);
                if (instance != null) {
                    instance.onExit().get(10, TimeUnit.SECONDS);
                }
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("instance %d", pid).isFalse();
            }
        } finally {
            parent.destroyForcibly();
        }
    }
}
