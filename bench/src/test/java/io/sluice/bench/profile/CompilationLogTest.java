package io.sluice.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompilationLogTest {

    /** A cut-down -XX:+LogCompilation file: the tty part, a C1 thread's log and a C2 thread's log. */
    private static final String LOG = String.join("\n",
            "<?xml version='1.0' encoding='UTF-8'?>",
            "<hotspot_log version='160 1' process='500' time_ms='1795671798794'>",
            "<tty>",
            "<task_queued compile_id='7' method='java.lang.Object &lt;init&gt; ()V' bytes='1' stamp='0.042' comment='tiered'/>",
            "</tty>",
            "<compilation_log thread='512'>",
            "<start_compile_thread name='C1 CompilerThread0' thread='512' process='500' stamp='0.035'/>",
            "<task compile_id='1' method='java.lang.Object &lt;init&gt; ()V' bytes='1' count='256' level='3' stamp='0.036'>",
            "<task_done success='1' nmsize='272' count='256' stamp='0.037'/>",
            "</task>",
            "</compilation_log>",
            "<compilation_log thread='511'>",
            "<start_compile_thread name='C2 CompilerThread0' thread='511' process='500' stamp='0.035'/>",
            "<task compile_id='7' method='java.lang.Object &lt;init&gt; ()V' bytes='1' count='1280' stamp='0.042'>",
            "<phase name='parse' nodes='3' live='3' stamp='0.042'>",
            "<phase_done name='parse' nodes='9' live='9' stamp='0.043'/>",
            "<task_done success='1' nmsize='120' count='1280' inlined_bytes='0' stamp='0.044'/>",
            "</task>",
            "<task compile_id='88' method='io.sluice.core.Foo$Bar send (I[B)V' bytes='90' count='5' osr_bci='14' stamp='1.250'>",
            "<task_done success='1' nmsize='900' count='5' inlined_bytes='412' stamp='1.275'/>",
            "</task>",
            "<task compile_id='90' method='Top run ()V' bytes='12' count='5' stamp='1.300'>",
            "<failure reason='too many nodes' stamp='1.310'/>",
            "<task_done success='0' nmsize='0' count='5' stamp='1.311'/>",
            "</task>",
            "<task compile_id='91' method='Top exit ()V' bytes='12' count='5' stamp='1.400'>",
            "</compilation_log>",
            "<hotspot_log_done stamp='1.786'/>");

    @Test
    void shouldReadOnlyTheFinishedTasksOfC2Threads() {
        List<C2Task> tasks = CompilationLog.c2Tasks(List.of(LOG.split("\n")));

        assertThat(tasks).containsExactly(
                new C2Task(7, 511, "java.lang.Object", "<init> ()V", 0.042, 0.044, 0, -1, true),
                new C2Task(88, 511, "io.sluice.core.Foo$Bar", "send (I[B)V", 1.250, 1.275, 412, 14, true),
                new C2Task(90, 511, "Top", "run ()V", 1.300, 1.311, 0, -1, false));
    }

    @Test
    void shouldNameTheCompiledMethodsPackageAndOsrEntry() {
        List<C2Task> tasks = CompilationLog.c2Tasks(List.of(LOG.split("\n")));

        assertThat(tasks.get(1).packageName()).isEqualTo("io.sluice.core");
        assertThat(tasks.get(1).methodDisplay()).isEqualTo("io.sluice.core.Foo$Bar::send (I[B)V");
        assertThat(tasks.get(1).osr()).isTrue();
        assertThat(tasks.get(0).osr()).isFalse();
        assertThat(tasks.get(2).packageName()).isEqualTo("(default)");
    }
}
