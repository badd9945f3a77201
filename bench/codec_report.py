#!/usr/bin/env python3
"""Turns the JMH JSON results of the io.sluice.bench.codec benchmarks into the Markdown tables of
docs/PERFORMANCE.md ("Compression codecs").

    python3 bench/codec_report.py bench/target/codec-results.json [more runs' results.json ...]

Throughput is reported in MB/s (10^6 bytes) of UNCOMPRESSED records-section bytes: compress reads them,
decompress produces them, batch close appends them.

On a shared machine other processes only ever slow a benchmark down, so each cell is the BEST measurement
iteration over all the runs given (the closest to the uncontended speed), not JMH's mean. A "*" marks a
cell that did not reproduce: with one run, its slowest iteration was more than 20% below its best; with
several, one run's best iteration was more than 20% below another's. Trust those ratios less. `--mean`
prints JMH's mean score of the first run instead.

Given the results of a run with JMH's GC profiler (-prof gc), it prints only the bytes allocated per
operation (gc.alloc.rate.norm), which do not depend on the machine's load:

    python3 bench/codec_report.py bench/target/codec-alloc.json
"""
import json
import sys
from collections import defaultdict

# Exact records-section sizes of JsonRecords.ofSize(batchBytes) (CompressedSizes prints them).
SECTION_BYTES = {16384: 16363, 1048576: 1048573}
SIZE_NAME = {16384: "16 KiB", 1048576: "1 MiB"}
DEFAULT_LEVEL = {"gzip": "gzip:-1", "snappy": "snappy", "lz4": "lz4:9", "zstd": "zstd:3"}


def load(paths):
    iterations = defaultdict(list)
    run_bests = defaultdict(list)
    means = {}
    for path in paths:
        for r in json.load(open(path)):
            cls, method = r["benchmark"].rsplit(".", 2)[-2:]
            key = (cls, method, r["params"]["codec"], int(r["params"]["batchBytes"]))
            its = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
            iterations[key] += its
            run_bests[key].append(max(its))
            means.setdefault(key, r["primaryMetric"]["score"])
    scores = {}
    for key, its in iterations.items():
        size = key[3]
        best = means[key] if MEAN else max(its)
        mbs = best * SECTION_BYTES.get(size, size) / 1e6
        # disturbed: one run's iterations disagree, or (several runs) the runs' best iterations disagree
        varied = run_bests[key] if len(run_bests[key]) > 1 else its
        spread = 100.0 * (max(varied) - min(varied)) / max(varied) if max(varied) > 0 else 0.0
        scores[key] = (mbs, spread)
    return scores


def load_allocations(paths):
    """Bytes allocated per operation (JMH's -prof gc), where a run recorded them."""
    alloc = {}
    for path in paths:
        for r in json.load(open(path)):
            m = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
            if m is not None:
                cls, method = r["benchmark"].rsplit(".", 2)[-2:]
                alloc[(cls, method, r["params"]["codec"], int(r["params"]["batchBytes"]))] = m["score"]
    return alloc


def kib(b):
    return "–" if b is None else (f"{b:,.0f} B" if b < 1024 else f"{b / 1024:,.1f} KiB")


def allocation_table(a):
    out = ["| what | codec | batch | Sluice | Kafka |", "|---|---|---|---:|---:|"]
    rows = [("compress direct to direct (a batch's seal)", "DirectBufferBenchmark", "compressDirect", None),
            ("batch append + close", "BatchCloseBenchmark", "sluice", "kafka"),
            ("decompress, ByteBuffer API (returns a new buffer)", "DecompressBenchmark", "sluice", "kafka"),
            ("decompress, stream (batch reader)", "DecompressBenchmark", "sluiceStream", "kafka")]
    for what, cls, ours, theirs in rows:
        for size in sorted({k[3] for k in a}):
            for c in sorted({k[2] for k in a if k[0] == cls}, key=order):
                o, t = a.get((cls, ours, c, size)), a.get((cls, theirs, c, size))
                if o is not None or t is not None:
                    other = "n/a" if theirs is None else kib(t)
                    out.append(f"| {what} | {c} | {SIZE_NAME.get(size, size)} | {kib(o)} | {other} |")
    return "\n".join(out)


def fmt(v):
    if v is None:
        return "–"
    mbs, spread = v
    mark = "*" if spread > 20 else ""
    return (f"{mbs:,.0f}" if mbs >= 10 else f"{mbs:,.1f}") + mark


def ratio(a, b):
    return "–" if a is None or b is None or b[0] == 0 else f"{a[0] / b[0]:.2f}"


def compress_table(s):
    codecs = sorted({k[2] for k in s if k[0] == "CompressBenchmark"}, key=order)
    out = ["| codec:level | batch | Sluice heap | Sluice direct | raw library | Kafka | Sluice/Kafka | Sluice/raw |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]
    for size in sorted({k[3] for k in s}):
        for c in codecs:
            sl = s.get(("CompressBenchmark", "sluice", c, size))
            if sl is None:
                continue
            direct = None
            name = c.split(":")[0]
            if DEFAULT_LEVEL.get(name) == c:
                direct = s.get(("DirectBufferBenchmark", "compressDirect", name, size))
            raw = s.get(("CompressBenchmark", "raw", c, size))
            kafka = s.get(("CompressBenchmark", "kafka", c, size))
            out.append(f"| {c} | {SIZE_NAME.get(size, size)} | {fmt(sl)} | {fmt(direct)} | {fmt(raw)} | {fmt(kafka)} "
                       f"| {ratio(sl, kafka)} | {ratio(sl, raw)} |")
    return "\n".join(out)


def decompress_table(s):
    out = ["| codec | batch | Sluice ByteBuffer heap | Sluice ByteBuffer direct | Sluice stream | raw library | Kafka "
           "| Sluice BB/Kafka | Sluice stream/Kafka | Sluice BB/raw |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    codecs = sorted({k[2] for k in s if k[0] == "DecompressBenchmark"}, key=order)
    for size in sorted({k[3] for k in s}):
        for c in codecs:
            bb = s.get(("DecompressBenchmark", "sluice", c, size))
            if bb is None:
                continue
            direct = s.get(("DirectBufferBenchmark", "decompressDirect", c, size))
            stream = s.get(("DecompressBenchmark", "sluiceStream", c, size))
            raw = s.get(("DecompressBenchmark", "raw", c, size))
            kafka = s.get(("DecompressBenchmark", "kafka", c, size))
            out.append(f"| {c} | {SIZE_NAME.get(size, size)} | {fmt(bb)} | {fmt(direct)} | {fmt(stream)} | {fmt(raw)} "
                       f"| {fmt(kafka)} | {ratio(bb, kafka)} | {ratio(stream, kafka)} | {ratio(bb, raw)} |")
    return "\n".join(out)


def batch_table(s):
    out = ["| codec | batch | Sluice RecordBatchBuilder | Kafka MemoryRecordsBuilder | Sluice/Kafka |",
           "|---|---|---:|---:|---:|"]
    codecs = sorted({k[2] for k in s if k[0] == "BatchCloseBenchmark"}, key=order)
    for size in sorted({k[3] for k in s}):
        for c in codecs:
            sl = s.get(("BatchCloseBenchmark", "sluice", c, size))
            kafka = s.get(("BatchCloseBenchmark", "kafka", c, size))
            if sl is None and kafka is None:
                continue
            out.append(f"| {c} | {SIZE_NAME.get(size, size)} | {fmt(sl)} | {fmt(kafka)} | {ratio(sl, kafka)} |")
    return "\n".join(out)


def order(codec):
    names = ["none", "gzip", "snappy", "lz4", "zstd"]
    name, _, level = codec.partition(":")
    return (names.index(name) if name in names else 99, int(level) if level else 0)


MEAN = False


def main():
    global MEAN
    args = [a for a in sys.argv[1:] if a != "--mean"]
    MEAN = len(args) != len(sys.argv) - 1
    if not args:
        sys.exit("usage: codec_report.py [--mean] <jmh-result.json> [<jmh-result.json> ...]")
    alloc = load_allocations(args)
    if alloc:
        print("### Bytes allocated per operation (JMH -prof gc)\n")
        print(allocation_table(alloc))
        return
    s = load(args)
    print("### Compress (MB/s of uncompressed input)\n")
    print(compress_table(s))
    print("\n### Decompress (MB/s of uncompressed output)\n")
    print(decompress_table(s))
    print("\n### Batch append + close (MB/s of uncompressed records)\n")
    print(batch_table(s))


if __name__ == "__main__":
    main()
