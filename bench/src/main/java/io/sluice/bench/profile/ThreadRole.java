package io.sluice.bench.profile;

/** What a producer process's thread does, told from its (15-character) name; the sending thread is told apart by CPU. */
enum ThreadRole {
    SENDING("sending (tool's main)"),
    NETWORK("network"),
    C2("C2 JIT"),
    C1("C1 JIT"),
    GC("GC"),
    OTHER("other");

    private final String label;

    ThreadRole(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /**
     * @param group the thread group's name (the thread name less its trailing digits)
     * @param main  whether it is the perf tool's main thread, the one that calls send (the busiest "java" thread)
     */
    static ThreadRole of(String group, boolean main) {
        if (main) {
            return SENDING;
        }
        // Sluice's "sluice-producer-network-thread-<id>", kafka-clients' "kafka-producer-network-thread | <id>";
        // cut to 15 characters (Sluice's short-lived closer thread falls in here too)
        if (group.startsWith("sluice-producer") || group.startsWith("kafka-producer")) {
            return NETWORK;
        }
        if (group.startsWith("C2 Compiler")) {
            return C2;
        }
        if (group.startsWith("C1 Compiler")) {
            return C1;
        }
        if (group.startsWith("GC Thread") || group.startsWith("G1 ")) {
            return GC;
        }
        return OTHER;
    }
}
