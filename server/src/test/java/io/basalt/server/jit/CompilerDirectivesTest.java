package io.basalt.server.jit;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class CompilerDirectivesTest {

    @Test
    void aPropertyOfFalseTurnsThemOff() {
        assertThat(CompilerDirectives.enabled(null)).isTrue();
        assertThat(CompilerDirectives.enabled("true")).isTrue();
        assertThat(CompilerDirectives.enabled("false")).isFalse();
        assertThat(CompilerDirectives.enabled(" FALSE ")).isFalse();
    }

    /** A renamed class or method would leave its directive matching nothing, and nobody would notice. */
    @Test
    void everyPatternNamesCodeThatExists() throws Exception {
        List<String> patterns = patterns(CompilerDirectives.text());
        assertThat(patterns).isNotEmpty();
        for (String pattern : patterns) {
            int dot = pattern.lastIndexOf('.');
            String type = pattern.substring(0, dot);
            String method = pattern.substring(dot + 1);
            if (type.endsWith("/*")) {
                String folder = type.substring(0, type.length() - 1);
                assertThat(getClass().getClassLoader().getResource(folder)).as(pattern).isNotNull();
                continue;
            }
            if (type.endsWith("*")) {
                // classes made at run time (reflection's generated accessors): their package must exist
                String packageName = type.substring(0, type.lastIndexOf('/')).replace('/', '.');
                assertThat(ModuleLayer.boot().modules().stream().anyMatch(module -> module.getPackages()
                        .contains(packageName))).as(pattern).isTrue();
                continue;
            }
            Class<?> owner = Class.forName(type.replace('/', '.'));
            if (!method.equals("*")) {
                assertThat(Arrays.stream(owner.getDeclaredMethods()).map(Method::getName)).as(pattern).contains(method);
            }
        }
    }

    @Test
    void hotSpotTakesThemAndRefusesMalformedOnes() throws Exception {
        // HotSpot calls itself "OpenJDK 64-Bit Server VM" or "Java HotSpot(TM) ..."; OpenJ9 has no such command.
        assumeThat(ManagementFactory.getRuntimeMXBean().getVmName()).containsAnyOf("OpenJDK", "HotSpot")
                .doesNotContain("OpenJ9");
        assertThat(CompilerDirectives.installOnce()).isTrue();
        assertThat(CompilerDirectives.print()).contains("ScanMorsel$BatchReader");
        assertThat(CompilerDirectives.add("[ { \"match\": 42 } ]")).isFalse();
        assertThat(CompilerDirectives.add("not json")).isFalse();
    }

    private static List<String> patterns(String directives) {
        Matcher list = Pattern.compile("\"match\"\\s*:\\s*\\[([^]]*)]").matcher(directives);
        List<String> patterns = new ArrayList<>();
        while (list.find()) {
            Matcher item = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
            while (item.find()) {
                patterns.add(item.group(1));
            }
        }
        return patterns;
    }
}
