#!/usr/bin/env bash
# Writes the generated part of the hostile-input corpus into DIR (created if needed): inputs too
# large to commit (10 MB lines, 100k listeners and nodes, files over the size limits) and file
# system objects git cannot hold (FIFOs, symbolic link loops, dangling links, a directory named
# like a file, an unreadable file). The committed part lives in Fixtures/hostile/.
#
#   Tests/Scripts/make-hostile-corpus.sh DIR
#
# HostileInputTests runs it into a temporary directory on every test run. Needs python3.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
out="$1"
mkdir -p "$out"
cd "$out"

python3 - <<'PY'
import os

MB = 1 << 20

def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(name, "wb") as f:
        f.write(data)

# --- 10 MB single lines -------------------------------------------------------------------
write("properties-10mb-single-line-value.properties",
      "listeners=PLAINTEXT://:9092," + "x" * (10 * MB) + "\n")
write("properties-10mb-single-line-key.properties", "k" * (10 * MB) + "=v\n")
write("properties-10mb-backslashes.properties", "key=" + "\\" * (10 * MB) + "\n")
write("properties-10mb-unicode-escapes.properties",
      "key=" + "\\u0041" * (10 * MB // 6) + "\n")
write("yaml-10mb-single-line-scalar.yaml", "key: " + "x" * (10 * MB) + "\n")
write("yaml-10mb-single-line-quoted-scalar.yaml", 'key: "' + "\\x41" * (10 * MB // 4) + '"\n')
write("yaml-10mb-single-line-flow-sequence.yaml", "[" + "1," * (5 * MB) + "1]\n")
write("json-10mb-single-line-array.json", '{"a":[' + '"x",' * (10 * MB // 4) + '"x"]}')
write("yaml-10mb-comment-line.yaml", "#" + "c" * (10 * MB) + "\nkind: Kafka\n")
write("yaml-1mb-plain-key.yaml", "k" * MB + ": v\n")

# --- over the size limits -----------------------------------------------------------------
# 16 MiB + 1 for YAML: comments, so the size check alone must reject it.
write("yaml-16mib-plus-one-byte.yaml", "#" * (16 * MB) + "\n")
# Over the 256 MiB read limit: sparse files, so they cost no disk and no time to create.
for name in ["properties-257mib-sparse.properties", "yaml-257mib-sparse.yaml"]:
    with open(name, "wb") as f:
        f.truncate(257 * MB)

# --- many documents, listeners, nodes, keys -----------------------------------------------
write("yaml-100k-empty-documents.yaml", "---\n" * 100_000)
write("yaml-10001-documents.yaml", "".join(f"---\nkind: ConfigMap{i}\n" for i in range(10_001)))
write("yaml-10000-strimzi-documents.yaml", "".join(
    f"---\napiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c{i}\n"
    f"spec:\n  kafka:\n    listeners:\n      - {{name: plain, port: 9092, type: internal, tls: false}}\n"
    for i in range(10_000)))

def strimzi(listeners, replicas=3):
    return (
        "apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: pool\n"
        "  labels:\n    strimzi.io/cluster: big\nspec:\n"
        f"  replicas: {replicas}\n  roles: [controller, broker]\n  storage:\n    type: ephemeral\n"
        "---\napiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: big\nspec:\n"
        "  kafka:\n    listeners:\n" + listeners)

write("strimzi-100k-listeners.yaml", strimzi("".join(
    f"      - {{name: l{i}, port: {9092 + i % 50000}, type: internal, tls: false}}\n"
    for i in range(100_000))))
# Under the node budget: every rule runs on 20,000 listeners.
write("strimzi-20k-listeners.yaml", strimzi("".join(
    f"      - {{name: l{i}, port: {9092 + i}, type: internal, tls: false}}\n"
    for i in range(20_000))))
write("strimzi-20k-nodeport-brokers.yaml", strimzi(
    "      - name: external\n        port: 9094\n        type: nodeport\n        tls: true\n"
    "        configuration:\n          brokers:\n" + "".join(
        f"            - {{broker: {i}, nodePort: {30000 + i % 2768}, advertisedHost: h{i}.example.com}}\n"
        for i in range(20_000)), replicas=9_999))
# Ingress hosts for 20,000 ids on 9,999 brokers: the required-host check searched the broker
# ids for every entry.
write("strimzi-20k-ingress-brokers.yaml", strimzi(
    "      - name: external\n        port: 9094\n        type: ingress\n        tls: true\n"
    "        configuration:\n          bootstrap: {host: bootstrap.example.com}\n"
    "          brokers:\n" + "".join(
        f"            - {{broker: {i}, host: b{i}.example.com}}\n"
        for i in range(20_000)), replicas=9_999))

def description(nodes):
    return (
        "apiVersion: kafka-listeners/v1\nkind: ClusterDescription\nmetadata:\n  name: big\n"
        "spec:\n  platform: docker\n  kafkaVersion: \"3.9\"\n  nodes:\n" + nodes +
        "  listeners:\n    - {name: docker, port: 19092, type: host}\n")

write("description-100k-nodes.yaml", description("".join(
    f"    - {{id: {i}, roles: [broker], host: kafka-{i}}}\n" for i in range(100_000))))
write("description-10001-nodes.yaml", description("".join(
    f"    - {{id: {i}, roles: [broker, controller], host: kafka-{i}}}\n" for i in range(10_001))))
write("description-20k-nodes-same-id.yaml", description("".join(
    "    - {id: 1, roles: [broker], host: kafka}\n" for _ in range(20_000))))

write("properties-100k-listeners-one-line.properties",
      "process.roles=broker\nnode.id=1\nlisteners=" +
      ",".join(f"L{i}://:{1 + i % 65535}" for i in range(100_000)) +
      "\nlistener.security.protocol.map=" + ",".join(f"L{i}:PLAINTEXT" for i in range(100_000)) +
      "\n")
write("properties-100k-voters.properties",
      "process.roles=controller\nnode.id=1\ncontroller.listener.names=C\nlisteners=C://:9093\n"
      "controller.quorum.voters=" + ",".join(f"{i}@h{i}:9093" for i in range(100_000)) + "\n")
# 4,000 listeners continued over 4,000 lines: under the line limit, so every rule sees every
# listener (Kafka's messages quote the whole value, once per listener).
write("properties-4000-listeners-continued.properties",
      "listeners=A://:1,\\\n" + "".join(f"  L{i}://:{i},\\\n" for i in range(2, 4000)) + "  Z://:4000\n")
write("properties-100k-keys.properties", "".join(f"key.{i}=value{i}\n" for i in range(100_000)))
write("properties-100k-duplicate-keys.properties", "listeners=PLAINTEXT://:9092\n" * 100_000)
write("properties-100k-continuation-chain.properties",
      "listeners=PLAINTEXT://:9092,\\\n" + "    \\\n" * 100_000 + "  SSL://:9093\n")
write("properties-100k-comment-lines.properties", "# kafka-listeners: ignore KL201\n" * 100_000)
write("properties-100k-cr-only-lines.properties", "a=b\r" * 100_000)
# 50,000 suppressions, each over a duplicate key: matching findings to suppressions one by one
# was 2.5 billion tests.
write("properties-50k-suppressed-duplicates.properties",
      "".join(f"# kafka-listeners: ignore KL007 -- kept\nkey.dup={i}\n" for i in range(50_000)))

# --- deep nesting beyond libyaml's own limit ----------------------------------------------
n = 100_000
write("deep-flow-sequence-100k.yaml", "[" * n + "]" * n + "\n")
write("deep-flow-mapping-100k.yaml", "{a: " * n + "1" + "}" * n + "\n")
write("deep-json-100k.json", '{"a":' * n + "1" + "}" * n)
write("deep-block-sequence-1500.yaml", "".join("  " * i + "-\n" for i in range(1500)))
write("deep-block-mapping-1500.yaml", "".join(" " * i + "a:\n" for i in range(1500)))
PY

# --- file system objects ------------------------------------------------------------------
# A directory where a file is expected (named explicitly, and found by a directory walk).
mkdir -p x.properties/ walk-dir-as-file/server.properties/ walk-dir-as-file/kafka.yaml/
# Symbolic link loops: a self loop, a two-link cycle, and a directory link to its parent.
ln -sfn self-loop.yaml self-loop.yaml
ln -sfn loop-b.properties loop-a.properties
ln -sfn loop-a.properties loop-b.properties
mkdir -p walk-link-to-parent && ln -sfn .. walk-link-to-parent/parent
ln -sfn ../self-loop.yaml walk-link-to-parent/looping.yaml
# Dangling links.
ln -sfn does-not-exist.properties dangling-link.properties
# FIFOs: reading one would block forever, so they must be refused, not opened for reading.
rm -f fifo.properties fifo.yaml walk-fifo/server.properties
mkdir -p walk-fifo
mkfifo fifo.properties fifo.yaml walk-fifo/server.properties
# Devices behind lintable names.
ln -sfn /dev/zero dev-zero.properties
ln -sfn /dev/urandom dev-urandom.yaml
ln -sfn /dev/null dev-null.yaml
# An unreadable file. Root ignores permissions, so under root this one is read like any file;
# the FIFO and the dangling link above are the unreadable inputs there.
printf 'listeners=PLAINTEXT://:9092\n' > unreadable.properties
chmod 000 unreadable.properties
