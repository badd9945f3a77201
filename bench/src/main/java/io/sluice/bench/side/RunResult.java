package io.sluice.bench.side;

/**
 * What one run of one producer measured. Values a producer cannot report are {@code NaN} (kcat prints no
 * latency and has no JVM to probe).
 *
 * @param ok                    exit status 0 and every record found in the topic
 * @param recordsPerSec         the tool's own summary (Java), or records / process wall time (kcat)
 * @param mbPerSec              same basis, MiB of record values per second
 * @param cpuNanosPerRecord     user + system CPU of the whole process (JVM start and JIT included) per record
 * @param steadyCpuNanosPerRecord   process CPU per record between the second progress line and the summary (Java)
 * @param steadyAllocBytesPerRecord bytes allocated by all threads per record over the same window (Java)
 * @param allocBytesPerRecord   bytes allocated by all threads over the whole run, per record (Java)
 * @param gcCount               garbage collections during the run (Java)
 * @param p50Ms                 median latency, send to acknowledgement
 * @param p99Ms                 99th percentile latency
 * @param steadyP50Ms           median latency of the records after the scenario's {@code --warmup-records} (NaN
 *                              without warm-up); like p50Ms: µs resolution from Sluice, whole ms (truncated) from Kafka
 * @param steadyP99Ms           99th percentile latency of the same records
 * @param brokerCpuNanosPerRecord the broker JVM's CPU during the run, per record
 * @param maxRssKb              peak resident memory of the producer process
 * @param note                  why the run is not ok, or other remarks
 */
record RunResult(Scenario scenario, Contender contender, int round, boolean ok, long delivered, double recordsPerSec,
                 double mbPerSec, double cpuNanosPerRecord, double steadyCpuNanosPerRecord,
                 double steadyAllocBytesPerRecord, double allocBytesPerRecord, long gcCount, double p50Ms, double p99Ms,
                 double steadyP50Ms, double steadyP99Ms, double brokerCpuNanosPerRecord, long maxRssKb, String note) {

    static String csvHeader() {
        return "scenario,contender,round,ok,delivered,records_per_sec,mb_per_sec,cpu_ns_per_record,"
                + "steady_cpu_ns_per_record,steady_alloc_bytes_per_record,alloc_bytes_per_record,gc_count,p50_ms,p99_ms,"
                + "steady_p50_ms,steady_p99_ms,broker_cpu_ns_per_record,max_rss_kb,note";
    }

    String csv() {
        return String.join(",", scenario.name(), contender.name(), Integer.toString(round), Boolean.toString(ok),
                Long.toString(delivered), num(recordsPerSec), num(mbPerSec), num(cpuNanosPerRecord),
                num(steadyCpuNanosPerRecord), num(steadyAllocBytesPerRecord), num(allocBytesPerRecord),
                Long.toString(gcCount), num(p50Ms), num(p99Ms), num(steadyP50Ms),
                num(steadyP99Ms), num(brokerCpuNanosPerRecord), Long.toString(maxRssKb),
                "\"" + note.replace('"', '\'') + "\"");
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
