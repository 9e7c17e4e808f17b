#!/usr/bin/env bash
# End-to-end test of the pre-commit hooks with the real pre-commit: a throwaway git repository
# with a broken and a clean server.properties and a Strimzi resource; pre-commit builds this
# repository's hooks and they must fail on the broken file and pass on the clean ones.
# It tests the committed HEAD. Slow (pre-commit builds the package in release mode once), so it
# is not part of `swift test`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "pre-commit is not installed (pip install pre-commit)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
git init -q
git config user.email test@example.com
git config user.name test
cp "$root/Fixtures/properties/broken-server.properties" broken.properties
cp "$root/Fixtures/properties/clean-kraft-server.properties" server.properties
cp "$root/Fixtures/strimzi/kafka-kraft-separate-controllers.yaml" kafka.yaml
git add .

pass=0
fail=0
# The hooks from this repository's committed HEAD, pinned as users configure them; pre-commit
# builds the environment once (one release build) and reuses it for every run below.
cat > .pre-commit-config.yaml <<CONFIG
repos:
  - repo: $root
    rev: $(git -C "$root" rev-parse HEAD)
    hooks:
      - id: kafka-listeners
      - id: kafka-listeners-properties
      - id: kafka-listeners-resources
CONFIG
run_hook() {
  local expected=$1 hook=$2
  shift 2
  set +e
  pre-commit run "$hook" --files "$@" > out.txt 2>&1
  local status=$?
  set -e
  if { [ "$expected" = fail ] && [ $status -ne 0 ]; } || { [ "$expected" = pass ] && [ $status -eq 0 ]; }; then
    echo "ok: $hook on $* ($expected)"
    pass=$((pass + 1))
  else
    echo "FAILED: $hook on $* should $expected (exit $status):"
    cat out.txt
    fail=$((fail + 1))
  fi
}
run_hook fail kafka-listeners broken.properties
grep -q "broken.properties:8:5: error:" out.txt || { echo "FAILED: no located diagnostic"; cat out.txt; fail=$((fail + 1)); }
run_hook pass kafka-listeners server.properties kafka.yaml
run_hook pass kafka-listeners-properties server.properties
run_hook pass kafka-listeners-resources kafka.yaml
run_hook fail kafka-listeners-properties broken.properties server.properties

# A real commit through the installed hook: the clean files pass, the broken one is blocked.
pre-commit install >/dev/null
git reset -q
git add .pre-commit-config.yaml server.properties kafka.yaml
if git commit -qm clean >/dev/null 2>&1; then
  echo "ok: a clean commit passes"; pass=$((pass + 1))
else
  echo "FAILED: a clean commit was blocked"; fail=$((fail + 1))
fi
git add broken.properties
if git commit -qm broken > out.txt 2>&1; then
  echo "FAILED: a broken commit passed"; fail=$((fail + 1))
else
  echo "ok: a broken commit is blocked"; pass=$((pass + 1))
fi
echo "pre-commit end-to-end: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
