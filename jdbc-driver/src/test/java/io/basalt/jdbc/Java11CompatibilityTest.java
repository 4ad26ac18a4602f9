package io.basalt.jdbc;

import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BI tools load the driver on JDK 11. The build compiles for 17 like every module, so this test compiles
 * the driver's sources for release 11: a record, a switch expression or an API newer than Java 11 fails
 * here instead of in a customer's tool.
 */
class Java11CompatibilityTest {

    @Test
    void theDriverSourcesCompileForJava11() throws IOException {
        Path sources = Paths.get("src/main/java");
        assertThat(sources).isDirectory();
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
        }
        Path output = Files.createTempDirectory("basalt-jdbc-java11");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(Arrays.asList("--release", "11", "-d", output.toString(), "-Xlint:none"));
        arguments.addAll(files);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, arguments.toArray(new String[0]));
        assertThat(status).as(errors.toString()).isZero();
    }
}
