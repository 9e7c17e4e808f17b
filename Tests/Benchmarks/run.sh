#!/usr/bin/env bash
# Benchmarks kafka-listeners against yamllint, the JVM's Properties.load and the YAML floor
# (Yams compose alone, reading the bytes), and prints a table of medians, ratios and peak memory.
#
#   bash Tests/Benchmarks/run.sh [--quick]
#
# Not part of `swift test`. Needs python3, pip (for yamllint from PyPI) and a JDK.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work="$root/.build-bench"
mkdir -p "$work"

echo "building the release binary (static Swift runtime)..." >&2
swift build -c release --static-swift-stdlib --scratch-path "$work/release" --product kafka-listeners >&2
kl="$(swift build -c release --static-swift-stdlib --scratch-path "$work/release" --show-bin-path)/kafka-listeners"

echo "building the floor (Yams alone)..." >&2
swift build -c release --static-swift-stdlib --package-path Tests/Benchmarks/Floor \
  --scratch-path "$work/floor" >&2
floor="$(swift build -c release --static-swift-stdlib --package-path Tests/Benchmarks/Floor \
  --scratch-path "$work/floor" --show-bin-path)/yaml-floor"

if [ ! -x "$work/venv/bin/yamllint" ]; then
  echo "installing yamllint from PyPI..." >&2
  python3 -m venv "$work/venv" >&2
  "$work/venv/bin/pip" install --quiet yamllint >&2
fi

mkdir -p "$work/java"
javac -d "$work/java" Tests/Benchmarks/PropertiesLoad.java

inputs="$work/inputs"
rm -rf "$inputs"
python3 Tests/Benchmarks/generate-inputs.py "$inputs" --seed 1

echo "$(uname -m), $(nproc) cores; $("$work/venv/bin/yamllint" --version); $(java -version 2>&1 | head -1)" >&2
python3 Tests/Benchmarks/measure.py --kl "$kl" --floor "$floor" \
  --yamllint "$work/venv/bin/yamllint" --java-classpath "$work/java" "$@" "$inputs"
