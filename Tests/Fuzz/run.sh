#!/usr/bin/env bash
# Builds one libFuzzer harness and runs it for a given time, seeded from Fixtures/.
#
#   Tests/Fuzz/run.sh <properties|yaml|cluster|lint> <seconds> [extra libFuzzer flags...]
#   Tests/Fuzz/run.sh build            # only build every harness
#
# SwiftPM builds the library and everything it depends on with `--sanitize fuzzer --sanitize
# address` (coverage and ASan in every module, libyaml and BoringSSL included) into
# .build-fuzz/spm/<configuration>; a debug build has `-enable-testing`, so the harnesses can
# `@testable import` the internal readers. Each Tests/Fuzz/Fuzz<Name>.swift is then compiled and
# linked against those objects with the same flags. A harness is not a SwiftPM target because
# SwiftPM would link its own `main` into it, and libFuzzer brings one.
#
# Environment: FUZZ_CONFIG (debug, the default, or release: more executions per second, longer
# build), FUZZ_REUSE=1 (do not rebuild), FUZZ_MAX_LEN (default 65536).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scratch="$root/.build-fuzz/spm"
out="$root/.build-fuzz/fuzz"
config="${FUZZ_CONFIG:-debug}"
harnesses=(properties yaml cluster lint)

usage() {
  echo "usage: $0 <$(IFS='|'; echo "${harnesses[*]}")|build> [seconds] [libFuzzer flags...]" >&2
  exit 2
}
[ $# -ge 1 ] || usage
target="$1"; shift
seconds="${1:-60}"; [ $# -gt 0 ] && shift
mkdir -p "$out/bin"

library_built=""
build_library() {
  [ -n "$library_built" ] && return 0
  library_built=yes
  [ -n "${FUZZ_REUSE:-}" ] && [ -e "$out/link-objects.txt" ] && return 0
  echo "building KafkaListeners and its dependencies (sanitized, $config)" >&2
  local extra=()
  # Release builds drop -enable-testing, which `@testable import` needs.
  [ "$config" = release ] && extra=(-Xswiftc -enable-testing)
  (cd "$root" && swift build --scratch-path "$scratch" -c "$config" --target KafkaListeners \
    --sanitize fuzzer --sanitize address "${extra[@]}" >&2)
  local products
  products="$(cd "$root" && swift build --scratch-path "$scratch" -c "$config" --show-bin-path)"
  echo "$products" > "$out/bin-path.txt"
  # The clang flags (module maps and include paths of the C modules) SwiftPM compiled the library
  # with: the harness imports the library, so it needs to see the same C modules.
  python3 - "$scratch/$config.yaml" > "$out/clang-flags.txt" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
key = text.index('"C.KafkaListeners-')
line = text.index("args: ", key) + len("args: ")
args = json.loads(text[line:text.index("\n", line)])
for index, arg in enumerate(args):
    if arg == "-Xcc":
        print(arg)
        print(args[index + 1])
PY
  # Every object of the library's dependency closure (only that closure was built), quoted for a
  # response file: some object names contain spaces.
  find "$products" -path "$products/*.build/*.o" \
    | grep -v -E '/(KafkaListenersTests|EmbedderTests|kafka_listeners|TestSupport)\.build/' \
    | LC_ALL=C sort | sed 's/.*/"&"/' > "$out/link-objects.txt"
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
  local name="$1" source products
  source="$(harness_file "$name")"
  build_library
  products="$(cat "$out/bin-path.txt")"
  echo "linking fuzz-$name" >&2
  local clang_flags=()
  mapfile -t clang_flags < "$out/clang-flags.txt"
  # ld.gold warns once per ASan register helper it cannot export; the warnings are harmless.
  swiftc -sanitize=fuzzer,address -parse-as-library -g -module-name "Fuzz_$name" -swift-version 6 \
    -I "$products/Modules" "${clang_flags[@]}" "$source" @"$out/link-objects.txt" \
    -o "$out/bin/fuzz-$name" 2>&1 | grep -v 'Cannot export local symbol' >&2 || true
  [ -x "$out/bin/fuzz-$name" ] || { echo "linking fuzz-$name failed" >&2; exit 1; }
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
# and not fuzz-cluster-2.yaml: its 10,000 nodes take longer than -timeout in an ASan build, which
# would stop every run while the seeds load.
rm -rf "$seeds" && mkdir -p "$seeds"
find "$root/Fixtures" -type f -size -64k -regextype posix-extended -regex "$pattern" \
  ! -name '*.expected.*' ! -name 'fuzz-cluster-2.yaml' \
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
