#!/usr/bin/env python3
"""Runs each benchmark command several times and prints medians, ratios and peak memory.

  measure.py --kl BIN --floor BIN --yamllint BIN --java-classpath DIR INPUTS

Wall time is measured around each child; peak memory is that child's own maximum resident set
(os.wait4), so one run's peak never hides behind another's. Exit codes 0 and 1 are accepted
(1 means findings); anything else stops the benchmark.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    stderr = child.stderr.read().decode("utf-8", "replace")
    child.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("%s exited %d: %s" % (" ".join(argv), code, stderr[:500]))
    return wall, usage.ru_maxrss  # kilobytes on Linux


def measure(argv, runs):
    run_once(argv)  # warm the page cache
    walls, peaks = [], []
    for _ in range(runs):
        wall, peak = run_once(argv)
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), max(peaks)


def fmt_time(seconds):
    if seconds < 1:
        return "%.1f ms" % (seconds * 1000)
    return "%.2f s" % seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kl", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--yamllint", required=True)
    parser.add_argument("--java-classpath", required=True)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("inputs")
    args = parser.parse_args()
    many = 5 if args.quick else 31
    some = 3 if args.quick else 7
    few = 1 if args.quick else 3

    inputs = args.inputs
    typical = os.path.join(inputs, "typical", "kafka.yaml")
    thousand_dir = os.path.join(inputs, "thousand")
    thousand = sorted(os.path.join(thousand_dir, f) for f in os.listdir(thousand_dir))
    d1k = os.path.join(inputs, "description-1000.yaml")
    d10k = os.path.join(inputs, "description-10000.yaml")
    big = os.path.join(inputs, "server-50mb.properties")
    kl, floor = args.kl, args.floor
    java = ["java", "-cp", args.java_classpath, "PropertiesLoad"]

    rows = []  # (what, tool, median, peak)
    results = {}

    def bench(key, what, tool, argv, runs):
        median, peak = measure(argv, runs)
        results[key] = median
        rows.append((what, tool, median, peak))
        print("  %-44s %-34s %10s" % (what, tool, fmt_time(median)), file=sys.stderr)

    bench("kl-typical", "typical Strimzi file (3+3 nodes, 4 listeners)",
          "kafka-listeners lint", [kl, "lint", typical], many)
    bench("yl-typical", "typical Strimzi file (3+3 nodes, 4 listeners)",
          "yamllint", [args.yamllint, typical], some)
    bench("floor-typical", "typical Strimzi file (3+3 nodes, 4 listeners)",
          "Yams compose alone", [floor, "compose", typical], many)
    bench("kl-1000", "1,000 such files, one invocation",
          "kafka-listeners lint", [kl, "lint", thousand_dir], some)
    bench("yl-1000", "1,000 such files, one invocation",
          "yamllint", [args.yamllint, thousand_dir], few)
    bench("floor-1000", "1,000 such files, one invocation",
          "Yams compose alone", [floor, "compose"] + thousand, some)
    bench("read-1000", "1,000 such files, one invocation",
          "reading the bytes", [floor, "read"] + thousand, some)
    for count, path in (("1k", d1k), ("10k", d10k)):
        label = "description, %s nodes" % ("1,000" if count == "1k" else "10,000")
        bench("kl-lint-" + count, label, "kafka-listeners lint", [kl, "lint", path], some)
        bench("kl-gen-" + count, label, "kafka-listeners generate --format json",
              [kl, "generate", path, "--format", "json"], some)
        bench("floor-" + count, label, "Yams compose alone", [floor, "compose", path], some)
    bench("kl-50mb", "server.properties, 50 MB", "kafka-listeners lint", [kl, "lint", big], few)
    bench("java-50mb", "server.properties, 50 MB", "java Properties.load (JVM)", java + [big], few)
    bench("read-50mb", "server.properties, 50 MB", "reading the bytes", [floor, "read", big], few)

    print()
    print("| Input | Tool | Median wall | Peak memory |")
    print("| --- | --- | ---: | ---: |")
    for what, tool, median, peak in rows:
        print("| %s | %s | %s | %.0f MB |" % (what, tool, fmt_time(median), peak / 1024))
    print()
    r = results

    def ratio(a, b):
        return r[a] / r[b]

    checks = [
        ("typical file linted in a few milliseconds", "%.1f ms" % (r["kl-typical"] * 1000),
         r["kl-typical"] < 0.010),
        ("≥ 20× faster than yamllint on the typical file", "%.0f×" % ratio("yl-typical", "kl-typical"),
         ratio("yl-typical", "kl-typical") >= 20),
        ("≥ 20× faster than yamllint on 1,000 files", "%.0f×" % ratio("yl-1000", "kl-1000"),
         ratio("yl-1000", "kl-1000") >= 20),
        ("10,000 nodes linted in under 0.5 s", fmt_time(r["kl-lint-10k"]), r["kl-lint-10k"] < 0.5),
        ("10,000 nodes generated in under 0.5 s", fmt_time(r["kl-gen-10k"]), r["kl-gen-10k"] < 0.5),
        ("lint time(10k) / time(1k) ≤ 11", "%.1f" % ratio("kl-lint-10k", "kl-lint-1k"),
         ratio("kl-lint-10k", "kl-lint-1k") <= 11),
        ("generate time(10k) / time(1k) ≤ 11", "%.1f" % ratio("kl-gen-10k", "kl-gen-1k"),
         ratio("kl-gen-10k", "kl-gen-1k") <= 11),
        ("largest YAML input within 2× of Yams compose alone",
         "%.2f×" % ratio("kl-lint-10k", "floor-10k"), ratio("kl-lint-10k", "floor-10k") <= 2),
        ("1,000 files within 2× of Yams compose alone",
         "%.2f×" % ratio("kl-1000", "floor-1000"), ratio("kl-1000", "floor-1000") <= 2),
        ("50 MB server.properties vs the JVM's Properties.load",
         "%.2f× the JVM's time" % ratio("kl-50mb", "java-50mb"), None),
    ]
    print("| Target | Measured | Met |")
    print("| --- | --- | --- |")
    for what, measured, met in checks:
        print("| %s | %s | %s |" % (what, measured, "—" if met is None else ("yes" if met else "no")))


if __name__ == "__main__":
    main()
