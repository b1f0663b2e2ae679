package com.wildrydes.localcloud.lambda;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceLauncherTest {

    private final InstanceLauncher launcher = new InstanceLauncher();

    @Test
    void splitsJavaToolOptionsOnBlanksWithQuotesGrouping() {
        FunctionConfig config = withOptions("  -XX:TieredStopAtLevel=4 \t-Dgreeting='hello world' \"-Dempty=\" -Dx=\"a b\"c ");

        assertThat(InstanceLauncher.javaToolOptions(config))
                .containsExactly("-XX:TieredStopAtLevel=4", "-Dgreeting=hello world", "-Dempty=", "-Dx=a bc");
    }

    @Test
    void refusesAnUnclosedQuoteNamingTheFunction() {
        assertThatThrownBy(() -> InstanceLauncher.javaToolOptions(withOptions("-Dx='open")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fn")
                .hasMessageContaining("unclosed quote");
    }

    @Test
    void noOptionsWithoutTheVariable() {
        assertThat(InstanceLauncher.javaToolOptions(FunctionConfig.of("fn", "a.B", Path.of("code.jar")))).isEmpty();
    }

    @Test
    void putsTheFunctionsOptionsAfterTheRuntimeDefaultsAndBeforeTheClassPath() {
        List<String> command = launcher.command(withOptions("-XX:TieredStopAtLevel=4 -XX:+UseParallelGC"));

        int defaultLevel = command.indexOf("-XX:TieredStopAtLevel=1");
        int ownLevel = command.indexOf("-XX:TieredStopAtLevel=4");
        int ownGc = command.indexOf("-XX:+UseParallelGC");
        assertThat(defaultLevel).isNotNegative();
        assertThat(ownLevel).isGreaterThan(command.indexOf("-XX:+UseSerialGC")).isGreaterThan(defaultLevel);
        assertThat(ownGc).isEqualTo(ownLevel + 1).isLessThan(command.indexOf("-cp"));
    }

    @Test
    void sharesTheJdksClassesByDefaultButLetsAFunctionUseAnAotCacheInstead() throws Exception {
        assertThat(launcher.command(withOptions("-Dx=1"))).contains("-Xshare:auto");
        FunctionConfig aot = withOptions("-XX:AOTMode=record -XX:AOTConfiguration=" + Files.createTempDirectory("aot").resolve("fn.aotconf"));

        assertThat(launcher.command(aot)).doesNotContain("-Xshare:auto");
        // the JVM starts with these flags (it refuses an AOT option next to an explicit -Xshare)
        assertThat(effectiveFlag(aot, "TieredStopAtLevel")).isEqualTo("1");
    }

    @Test
    void keepsTheVariableOutOfTheEnvironmentSoTheJvmDoesNotApplyItTwice() {
        Map<String, String> env = launcher.environment(withOptions("-Dx=1"), "us-east-1", "127.0.0.1:1", "stream",
                null, FunctionCredentials.generate());

        assertThat(env).doesNotContainKey("JAVA_TOOL_OPTIONS").containsEntry("FOO", "bar");
    }

    @Test
    void theFunctionsTieredStopAtLevelIsTheOneTheJvmRunsWith() throws Exception {
        assertThat(effectiveFlag(withOptions("-XX:TieredStopAtLevel=4"), "TieredStopAtLevel")).isEqualTo("4");
        assertThat(effectiveFlag(FunctionConfig.of("fn", "a.B", Path.of("code.jar")), "TieredStopAtLevel")).isEqualTo("1");
    }

    /** Starts the JVM with the instance's flags (not its main class) and reads a flag's final value. */
    private String effectiveFlag(FunctionConfig config, String flag) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher.command(config));
        List<String> jvm = new ArrayList<>(command.subList(0, command.indexOf("-cp")));
        jvm.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process process = new ProcessBuilder(jvm).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output.lines()
                .map(String::trim)
                .filter(line -> line.matches("\\S+\\s+" + flag + "\\s+=.*"))
                .map(line -> line.replaceFirst(".*=\\s*", "").split("\\s+")[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + flag + " in:\n" + output));
    }

    private static FunctionConfig withOptions(String javaToolOptions) {
        return new FunctionConfig("fn", "a.B", "java21", Path.of("code.jar"), 512, 3,
                Map.of("JAVA_TOOL_OPTIONS", javaToolOptions, "FOO", "bar"), null, AsyncConfig.DEFAULT);
    }
}
