package io.sluice.bench.side;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void shouldGiveTheCpuProfileScriptTheSideBySidesJvmOptions() throws IOException {
        // bench/run-cpu-profile.sh runs the tools with the same JVM options as the side-by-side, written out in bash
        String script = Files.readString(Path.of("run-cpu-profile.sh"));

        assertThat(script).contains("SIDE_BY_SIDE_JVM_OPTIONS=(" + String.join(" ", Commands.JAVA_TOOL_OPTIONS) + ")");
    }
}
