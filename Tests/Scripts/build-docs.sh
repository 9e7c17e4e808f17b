#!/usr/bin/env bash
# Builds the DocC documentation of the KafkaListeners library with the toolchain's `docc`
# (no plugin needed) and fails on any documentation warning. Output: .build/docs.
set -euo pipefail
cd "$(dirname "$0")/../.."
graphs=.build/symbol-graphs
rm -rf "$graphs" .build/docs
mkdir -p "$graphs"
swift build --target KafkaListeners \
  -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$graphs" >/dev/null
# Keep only this module's graphs; dependencies document themselves.
find "$graphs" -type f ! -name 'KafkaListeners*' -delete
docc convert Sources/KafkaListeners/KafkaListeners.docc \
  --additional-symbol-graph-dir "$graphs" \
  --fallback-display-name KafkaListeners \
  --fallback-bundle-identifier io.github.kafka-listeners.KafkaListeners \
  --output-path .build/docs \
  --warnings-as-errors
echo "documentation built in .build/docs"
