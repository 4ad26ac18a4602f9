package io.basalt.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code bin/basalt}'s JVM options: a copy of the script in a temporary checkout, with an empty {@code dist/basalt.jar}
 * and a fake {@code java} (through JAVA_HOME) that prints the arguments it was given, one a line, and answers
 * {@code -version} as the JDK of the version in {@code FAKE_JAVA_VERSION} would.
 */
class LauncherScriptTest {

    private static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";
    private static final String INITIAL_HEAP = "-XX:InitialRAMPercentage=16";
    private static final String KEEP_HEAP = "-XX:MaxHeapFreeRatio=100";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    @TempDir
    Path directory;

    private Path script;
    private Path javaHome;

    @BeforeEach
    void fakeCheckout() throws IOException {
        assumeThat(Path.of("/bin/bash")).isExecutable(); // the launcher is a bash script
        Path launcher = Path.of("..", "bin", "basalt");
        assumeThat(launcher).exists();
        script = directory.resolve("checkout/bin/basalt");
        Files.createDirectories(script.getParent());
        Files.copy(launcher, script);
        Files.createDirectories(directory.resolve("checkout/dist"));
        Files.createFile(directory.resolve("checkout/dist/basalt.jar"));
        javaHome = directory.resolve("jdk");
        Path java = javaHome.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = -version ]; then
                    echo "openjdk version \\"$FAKE_JAVA_VERSION\\" 2025-10-21" >&2
                    exit 0
                fi
                for argument in "$@"; do echo "$argument"; done
                """, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theServerAndTheBenchmarkStartWithAPreTouchedHeapBeforeTheUsersOptions() throws Exception {
        for (String command : List.of("server", "tpch")) {
            List<String> arguments = launch(command, "-Xms1g -Xmx2g");
            assertThat(arguments).as(command).contains(PRE_TOUCH, INITIAL_HEAP, KEEP_HEAP, "-Xms1g", "-Xmx2g");
            // The user's -Xms comes later, so it sets the initial heap instead.
            assertThat(arguments.indexOf("-Xms1g")).as(command).isGreaterThan(arguments.indexOf(INITIAL_HEAP));
            assertThat(arguments.subList(arguments.indexOf("-jar"), arguments.size()).get(2)).isEqualTo(command);
        }
    }

    @Test
    void theServerAndTheBenchmarkLowerThePlannersCompileThresholdsQuietly() throws Exception {
        for (String command : List.of("server", "tpch")) {
            List<String> arguments = launch(command, null);
            assertThat(arguments).as(command).contains("-XX:CompileCommand=quiet",
                    "-XX:CompileCommand=CompileThresholdScaling,org.apache.calcite.*::*,0.1",
                    "-XX:CompileCommand=CompileThresholdScaling,io.basalt.optimizer.*::*,0.1");
            assertThat(arguments.indexOf("-XX:CompileCommand=quiet")).as("quiet before the commands it silences")
                    .isLessThan(arguments.indexOf("-XX:CompileCommand=CompileThresholdScaling,org.apache.calcite.*::*,0.1"));
        }
        assertThat(launch("shell", null)).noneMatch(argument -> argument.startsWith("-XX:CompileCommand"));
    }

    @Test
    void theShellKeepsAFastStartAndTheDefaultHeapLimitStaysWithoutUserOptions() throws Exception {
        List<String> shell = launch("shell", null);
        assertThat(shell).doesNotContain(PRE_TOUCH, INITIAL_HEAP, KEEP_HEAP).contains("-XX:MaxRAMPercentage=75");
        assertThat(launch("server", null)).contains(PRE_TOUCH, INITIAL_HEAP, "-XX:MaxRAMPercentage=75");
    }

    @Test
    void theServerAndTheBenchmarkAddTheVectorModuleFromJdk21() throws Exception {
        for (String command : List.of("server", "tpch")) {
            assertThat(launch(command, null, "25.0.1")).as(command).containsSequence("--add-modules", VECTOR_MODULE);
            assertThat(launch(command, null, "21")).as(command).containsSequence("--add-modules", VECTOR_MODULE);
            assertThat(launch(command, null, "17.0.15")).as(command).doesNotContain(VECTOR_MODULE);
            assertThat(launch(command, null, "unknown")).as(command).doesNotContain(VECTOR_MODULE);
        }
        assertThat(launch("shell", null, "25.0.1")).doesNotContain(VECTOR_MODULE);
    }

    private List<String> launch(String command, String userOptions) throws Exception {
        return launch(command, userOptions, "17.0.15");
    }

    private List<String> launch(String command, String userOptions, String javaVersion) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", script.toString(), command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", javaHome.toString());
        environment.put("FAKE_JAVA_VERSION", javaVersion);
        if (userOptions == null) {
            environment.remove("BASALT_JAVA_OPTS");
        } else {
            environment.put("BASALT_JAVA_OPTS", userOptions);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
