#!/usr/bin/env bash
# Builds one libFuzzer harness and runs it for a given time, seeded from Fixtures/.
#
#   Tests/Fuzz/run.sh <properties|yaml|cluster|lint> <seconds> [extra libFuzzer flags...]
#   Tests/Fuzz/run.sh build            # only build every harness
#
# Not a SwiftPM target: SwiftPM cannot build one target with -sanitize=fuzzer. The script
# compiles, with -sanitize=fuzzer,address:
#   1. libyaml (Yams' CYaml C sources) with clang -fsanitize=fuzzer-no-link,address,
#   2. Yams' Swift sources as module Yams,
#   3. Sources/KafkaListeners as module KafkaListeners with -enable-testing (the harnesses use
#      `@testable import` to reach the internal readers),
#   4. each Tests/Fuzz/Fuzz<Name>.swift, linked against the three.
# Yams' sources come from the SwiftPM checkout (.build-fuzz/checkouts or .build/checkouts);
# when neither exists, `swift package resolve --scratch-path .build-fuzz` fetches them.
# Everything is written below .build-fuzz/fuzz (git-ignored), or $FUZZ_OUT.
#
# Environment: SWIFTC, CLANG (default: from PATH), FUZZ_OUT, FUZZ_REUSE=1 (do not rebuild),
# FUZZ_MAX_LEN (default 65536), FUZZ_OPT (default -Onone; use -O
# for more executions per second at the price of a longer build).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${FUZZ_OUT:-$root/.build-fuzz/fuzz}"
swiftc="${SWIFTC:-swiftc}"
clang="${CLANG:-clang}"
opt="${FUZZ_OPT:--Onone}"
harnesses=(properties yaml cluster lint)

usage() {
  echo "usage: $0 <$(IFS='|'; echo "${harnesses[*]}")|build> [seconds] [libFuzzer flags...]" >&2
  exit 2
}
[ $# -ge 1 ] || usage
target="$1"; shift
seconds="${1:-60}"; [ $# -gt 0 ] && shift

yams=""
for candidate in "$root/.build-fuzz/checkouts/Yams" "$root/.build/checkouts/Yams"; do
  if [ -d "$candidate/Sources/CYaml" ]; then yams="$candidate"; break; fi
done
if [ -z "$yams" ]; then
  (cd "$root" && swift package resolve --scratch-path .build-fuzz)
  yams="$root/.build-fuzz/checkouts/Yams"
fi

mkdir -p "$out/obj/cyaml" "$out/modules" "$out/bin"

# Rebuilds $1 when any of the remaining paths is newer.
stale() {
  local product="$1"; shift
  [ -e "$product" ] || return 0
  # FUZZ_REUSE=1 keeps existing products while others edit the sources.
  [ -z "${FUZZ_REUSE:-}" ] || return 1
  [ -n "$(find "$@" -newer "$product" -print -quit)" ]
}

build_yams() {
  if stale "$out/modules/Yams.o" "$yams/Sources"; then
    echo "building libyaml and Yams (sanitized)" >&2
    for c in "$yams"/Sources/CYaml/src/*.c; do
      "$clang" -c -g -O1 -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC \
        -I "$yams/Sources/CYaml/include" "$c" -o "$out/obj/cyaml/$(basename "$c" .c).o"
    done
    "$swiftc" -sanitize=fuzzer,address -parse-as-library -D SWIFT_PACKAGE -module-name Yams "$opt" -gline-tables-only \
      -wmo -emit-module -emit-module-path "$out/modules/Yams.swiftmodule" \
      -Xcc -DYAML_DECLARE_STATIC -I "$yams/Sources/CYaml/include" \
      -c "$yams"/Sources/Yams/*.swift -o "$out/modules/Yams.o"
  fi
}

build_library() {
  build_yams
  if stale "$out/modules/KafkaListeners.o" "$root/Sources/KafkaListeners" \
    "$out/modules/Yams.o"; then
    echo "building KafkaListeners (sanitized)" >&2
    # A snapshot, so that edits made while the compiler runs cannot fail the build.
    rm -rf "$out/src" && cp -R "$root/Sources/KafkaListeners" "$out/src"
    find "$out/src" -name '*.swift' | LC_ALL=C sort > "$out/sources.txt"
    "$swiftc" -sanitize=fuzzer,address -parse-as-library -module-name KafkaListeners -swift-version 6 "$opt" -gline-tables-only \
      -enable-testing -wmo -emit-module -emit-module-path "$out/modules/KafkaListeners.swiftmodule" \
      -I "$out/modules" -Xcc -DYAML_DECLARE_STATIC -I "$yams/Sources/CYaml/include" \
      -c @"$out/sources.txt" -o "$out/modules/KafkaListeners.o"
  fi
}

harness_file() {
  case "$1" in
    properties) echo "$root/Tests/Fuzz/FuzzProperties.swift" ;;
    yaml) echo "$root/Tests/Fuzz/FuzzYAML.swift" ;;
    cluster) echo "$root/Tests/Fuzz/FuzzCluster.swift" ;;
    lint) echo "$root/Tests/Fuzz/FuzzLint.swift" ;;
    *) usage ;;
  esac
}

build_harness() {
  local name="$1" source
  source="$(harness_file "$name")"
  build_library
  if stale "$out/bin/fuzz-$name" "$source" "$out/modules/KafkaListeners.o"; then
    echo "building fuzz-$name" >&2
    "$swiftc" -sanitize=fuzzer,address -parse-as-library "$opt" -gline-tables-only -module-name "Fuzz_$name" -swift-version 6 \
      -I "$out/modules" -Xcc -DYAML_DECLARE_STATIC -I "$yams/Sources/CYaml/include" \
      "$source" "$out/modules/KafkaListeners.o" "$out/modules/Yams.o" "$out"/obj/cyaml/*.o \
      -o "$out/bin/fuzz-$name"
  fi
}

if [ "$target" = build ]; then
  for name in "${harnesses[@]}"; do build_harness "$name"; done
  exit 0
fi
build_harness "$target"

# Seeds: the fixtures a harness can use (YAML/JSON for the YAML readers, .properties for the
# properties reader, everything for the whole pipeline), copied once into a corpus that
# libFuzzer then grows.
corpus="$out/corpus/$target"
seeds="$out/seeds/$target"
artifacts="$out/artifacts/$target/"
mkdir -p "$corpus" "$seeds" "$artifacts"
case "$target" in
  properties) pattern='.*\.properties$' ;;
  yaml|cluster) pattern='.*\.(yaml|yml|json)$' ;;
  lint) pattern='.*\.(yaml|yml|json|properties)$' ;;
esac
# Only files small enough to be useful seeds (large hostile inputs are generated at test time),
# and not the known hangs (Fixtures/hostile/README.md), which would stop every run.
rm -rf "$seeds" && mkdir -p "$seeds"
find "$root/Fixtures" -type f -size -64k -regextype posix-extended -regex "$pattern" \
  ! -name '*.expected.*' ! -name 'fuzz-yaml-1.yaml' ! -name 'fuzz-cluster-2.yaml' \
  -print0 | while IFS= read -r -d '' f; do
  cp -f "$f" "$seeds/$(echo "$f" | sed "s|^$root/||; s|/|_|g")"
done

log="$out/fuzz-$target.log"
echo "running fuzz-$target for ${seconds}s; log: $log; crashes: $artifacts" >&2
set +e
# Swift's own crash backtracer would hold the log pipe open after a crash; ASan reports instead.
SWIFT_BACKTRACE=enable=no "$out/bin/fuzz-$target" "$corpus" "$seeds" \
  -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-65536}" -rss_limit_mb=2048 -timeout=10 \
  -artifact_prefix="$artifacts" -print_final_stats=1 "$@" 2>&1 | tee "$log" | grep -E \
  '^#[0-9]+ +(INITED|DONE)|ERROR|SUMMARY|Test unit written|stat::number_of_executed_units|stat::peak_rss'
status="${PIPESTATUS[0]}"
echo "fuzz-$target exit status $status; corpus $(ls "$corpus" | wc -l) files;" \
  "artifacts: $(ls "$artifacts" | wc -l)" >&2
exit "$status"
