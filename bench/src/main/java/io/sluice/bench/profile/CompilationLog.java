package io.sluice.bench.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the C2 compile tasks out of a -XX:+LogCompilation file. At exit the JVM appends each compiler thread's log
 * as {@code <compilation_log thread='tid'>}, opened by {@code <start_compile_thread name='C2 CompilerThread0' .../>};
 * inside, each task is a {@code <task ... stamp='s'>} line and ends with a {@code <task_done ... stamp='s'/>} line
 * (the JVM writes one element per line). Tasks of C1 threads, and a task the JVM cut off at exit (no task_done),
 * are left out. Each instance reads one file on one thread.
 */
final class CompilationLog {

    private static final Pattern LOG_THREAD = Pattern.compile("^\\s*<compilation_log thread='(\\d+)'");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)='([^']*)'");

    private final List<C2Task> tasks = new ArrayList<>();
    private final Set<Integer> c2Threads = new HashSet<>();
    private int thread = -1;
    private boolean inC2Thread;
    private Map<String, String> openTask;

    private CompilationLog() {
    }

    /** The C2 tasks in the log's lines, per thread in log order. */
    static List<C2Task> c2Tasks(Iterable<String> lines) {
        CompilationLog log = new CompilationLog();
        for (String line : lines) {
            log.accept(line);
        }
        return List.copyOf(log.tasks);
    }

    private void accept(String line) {
        Matcher logThread = LOG_THREAD.matcher(line);
        if (logThread.find()) {
            thread = Integer.parseInt(logThread.group(1));
            inC2Thread = c2Threads.contains(thread);
            openTask = null;
            return;
        }
        String trimmed = line.stripLeading();
        if (trimmed.startsWith("<start_compile_thread ")) {
            Map<String, String> a = attributes(trimmed);
            if (a.getOrDefault("name", "").startsWith("C2 ") && a.containsKey("thread")) {
                c2Threads.add(Integer.parseInt(a.get("thread")));
                inC2Thread = c2Threads.contains(thread);
            }
        } else if (inC2Thread && trimmed.startsWith("<task ")) {
            openTask = attributes(trimmed);
        } else if (inC2Thread && openTask != null && trimmed.startsWith("<task_done ")) {
            tasks.add(task(openTask, attributes(trimmed)));
            openTask = null;
        }
    }

    private C2Task task(Map<String, String> start, Map<String, String> done) {
        String method = start.getOrDefault("method", "?");
        int space = method.indexOf(' ');
        String className = space < 0 ? method : method.substring(0, space);
        String rest = space < 0 ? "" : method.substring(space + 1);
        return new C2Task(intOf(start, "compile_id", -1), thread, className, rest,
                Double.parseDouble(start.getOrDefault("stamp", "0")), Double.parseDouble(done.getOrDefault("stamp", "0")),
                intOf(done, "inlined_bytes", 0), intOf(start, "osr_bci", -1), !"0".equals(done.get("success")));
    }

    private static int intOf(Map<String, String> attributes, String key, int absent) {
        String value = attributes.get(key);
        return value == null ? absent : Integer.parseInt(value);
    }

    static Map<String, String> attributes(String element) {
        Map<String, String> result = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(element);
        while (m.find()) {
            result.put(m.group(1), unescape(m.group(2)));
        }
        return result;
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
