#!/usr/bin/env python3
"""Writes the benchmark inputs into a folder, the same bytes for the same seed.

  generate-inputs.py OUT [--seed N]

OUT/typical/kafka.yaml          a Strimzi Kafka with two KafkaNodePools (3 brokers, 3
                                controllers) and four listeners, as users write it
OUT/thousand/cluster-NNNN.yaml  1,000 such files, each its own cluster
OUT/description-1000.yaml       our ClusterDescription with 1,000 nodes
OUT/description-10000.yaml      ... and with 10,000 nodes
OUT/server-50mb.properties      a server.properties of about 50 MB: the listener keys of a
                                KRaft broker, then generated keys with escapes, continuations
                                and comments
"""
import os
import random
import sys

TYPICAL = """\
# A production-style KRaft cluster: dedicated controllers, brokers in their own pool, and four
# listeners (two internal, one route for clients outside OpenShift, one load balancer).
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: controllers
  labels:
    strimzi.io/cluster: {name}
spec:
  replicas: 3
  roles:
    - controller
  storage:
    type: persistent-claim
    size: 20Gi
    deleteClaim: false
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: brokers
  labels:
    strimzi.io/cluster: {name}
spec:
  replicas: 3
  roles:
    - broker
  resources:
    requests:
      memory: 8Gi
      cpu: "2"
  storage:
    type: jbod
    volumes:
      - id: 0
        type: persistent-claim
        size: {size}Gi
        deleteClaim: false
---
apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: {name}
  namespace: {namespace}
spec:
  kafka:
    version: 4.1.0
    metadataVersion: 4.1-IV1
    listeners:
      - name: plain
        port: 9092
        type: internal
        tls: false
      - name: tls
        port: 9093
        type: internal
        tls: true
        authentication:
          type: tls
      - name: route
        port: 9094
        type: route
        tls: true
        authentication:
          type: scram-sha-512
      - name: external
        port: 9095
        type: loadbalancer
        tls: true
        authentication:
          type: scram-sha-512
        configuration:
          bootstrap:
            alternativeNames:
              - bootstrap.{name}.example.com
          brokers:
            - broker: 3
              advertisedHost: broker-3.{name}.example.com
            - broker: 4
              advertisedHost: broker-4.{name}.example.com
            - broker: 5
              advertisedHost: broker-5.{name}.example.com
    authorization:
      type: simple
    config:
      offsets.topic.replication.factor: 3
      transaction.state.log.replication.factor: 3
      transaction.state.log.min.isr: 2
      default.replication.factor: 3
      min.insync.replicas: 2
  entityOperator:
    topicOperator: {{}}
    userOperator: {{}}
"""


def typical(rng, index):
    return TYPICAL.format(
        name="cluster-%04d" % index,
        namespace=rng.choice(["kafka", "streaming", "payments", "orders"]),
        size=rng.choice([100, 200, 500]),
    )


def description(count):
    lines = [
        "apiVersion: kafka-listeners/v1",
        "kind: ClusterDescription",
        "metadata:",
        "  name: fleet-%d" % count,
        "spec:",
        "  platform: hosts",
        '  kafkaVersion: "4.1"',
        "  nodes:",
    ]
    for node in range(3):
        lines.append("    - id: %d" % node)
        lines.append("      roles: [controller]")
        lines.append("      host: kraft-%d.dc1.example.com" % node)
    for node in range(3, count):
        lines.append("    - id: %d" % node)
        lines.append("      roles: [broker]")
        lines.append("      host: kafka-%d.dc%d.example.com" % (node, node % 3 + 1))
    lines += [
        "  listeners:",
        "    - name: internal",
        "      port: 9092",
        "      type: host",
        "      tls: true",
        "      authentication:",
        "        type: tls",
        "    - name: public",
        "      port: 9094",
        "      type: host",
        "      tls: true",
        "      authentication:",
        "        type: scram-sha-512",
        "      configuration:",
        "        advertisedHostTemplate: kafka-{nodeId}.public.example.com",
        "  clients:",
        "    - name: services",
        "      position: network",
        "      network: dc1",
        "      listener: internal",
        "    - name: partners",
        "      position: internet",
        "      listener: public",
    ]
    return "\n".join(lines) + "\n"


HEADER = """\
# Broker 1 of a KRaft cluster; listener settings first, then everything else.
process.roles=broker
node.id=1
controller.quorum.bootstrap.servers=kraft-1:9093,kraft-2:9093,kraft-3:9093
listeners=INTERNAL://:9092,EXTERNAL://:9094
advertised.listeners=INTERNAL://kafka-1.internal.example.com:9092,\\
  EXTERNAL://kafka-1.example.com:9094
listener.security.protocol.map=INTERNAL:SSL,EXTERNAL:SASL_SSL,CONTROLLER:SSL
inter.broker.listener.name=INTERNAL
controller.listener.names=CONTROLLER
"""


def big_properties(rng, target):
    parts = [HEADER]
    size = len(HEADER)
    index = 0
    words = ["alpha", "beta", "gamma", "delta", "topic", "retention", "segment", "quota"]
    while size < target:
        index += 1
        kind = rng.randrange(10)
        key = "custom.%s.%s.%d" % (rng.choice(words), rng.choice(words), index)
        value = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 12)))
        if kind == 0:
            line = "# %s\n" % value
        elif kind == 1:
            line = "%s = %s,\\\n    %s\n" % (key, value, value)
        elif kind == 2:
            line = "%s: caf\\u00e9 %s\\t%s\n" % (key, value, index)
        else:
            line = "%s=%s\n" % (key, value)
        parts.append(line)
        size += len(line)
    return "".join(parts)


def write(path, text):
    with open(path, "w", encoding="latin-1" if path.endswith(".properties") else "utf-8",
              newline="\n") as handle:
        handle.write(text)


def main():
    args = sys.argv[1:]
    seed = 1
    if "--seed" in args:
        at = args.index("--seed")
        seed = int(args[at + 1])
        del args[at:at + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    out = args[0]
    rng = random.Random(seed)
    os.makedirs(os.path.join(out, "typical"), exist_ok=True)
    os.makedirs(os.path.join(out, "thousand"), exist_ok=True)
    write(os.path.join(out, "typical", "kafka.yaml"), typical(rng, 0))
    for index in range(1000):
        write(os.path.join(out, "thousand", "cluster-%04d.yaml" % index), typical(rng, index))
    write(os.path.join(out, "description-1000.yaml"), description(1000))
    write(os.path.join(out, "description-10000.yaml"), description(10000))
    write(os.path.join(out, "server-50mb.properties"), big_properties(rng, 50 * 1000 * 1000))


if __name__ == "__main__":
    main()
