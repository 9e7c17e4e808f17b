#!/usr/bin/env bash
# Writes the certificate fixtures under Fixtures/certificates with OpenSSL 3 and keytool.
# Every certificate gets fixed validity dates (openssl ca -startdate/-enddate, keytool
# -startdate), so tests that pass --now never rot. Private keys stay in a temporary directory
# and are never committed. Run from the repository root: bash Tests/Scripts/make-certificates.sh
set -euo pipefail

out="${1:-Fixtures/certificates}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/vectors" "$out/tls" "$out/strimzi"

# A private CA, valid 2025-01-01 .. 2035-01-01, that signs every leaf with explicit dates.
cat > "$work/ca.cnf" <<CNF
[ca]
default_ca = test_ca
[test_ca]
database = $work/index.txt
serial = $work/serial
new_certs_dir = $work
certificate = $work/ca.crt
private_key = $work/ca.key
default_md = sha256
copy_extensions = copy
unique_subject = no
policy = any_cn
[any_cn]
commonName = optional
organizationName = optional
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
CNF
: > "$work/index.txt"
echo 1000 > "$work/serial"
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/ca.key" \
  -out "$work/ca.csr" -subj "/CN=Test Kafka CA" 2>/dev/null
openssl ca -batch -config "$work/ca.cnf" -selfsign -keyfile "$work/ca.key" -in "$work/ca.csr" \
  -out "$work/ca.crt" -extensions ca_ext -startdate 20250101000000Z -enddate 20350101000000Z \
  -notext 2>/dev/null
cp "$work/ca.crt" "$out/tls/ca.crt"

# leaf NAME SUBJECT START END [EXTENSION...]: a CA-signed leaf at $work/NAME.crt.
leaf() {
  local name="$1" subject="$2" start="$3" end="$4"
  shift 4
  local args=()
  for extension in "$@"; do args+=(-addext "$extension"); done
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/$name.key" \
    -out "$work/$name.csr" -subj "$subject" ${args[@]+"${args[@]}"} 2>/dev/null
  openssl ca -batch -config "$work/ca.cnf" -in "$work/$name.csr" -out "$work/$name.crt" \
    -startdate "$start" -enddate "$end" -notext 2>/dev/null
}

# The matcher vectors of the TLS-names specification (section 3.6), one certificate each.
vector() {
  local name="$1" subject="$2"
  shift 2
  leaf "vector-$name" "$subject" 20260101000000Z 20360101000000Z "$@"
  cp "$work/vector-$name.crt" "$out/vectors/$name.pem"
}
vector wildcard "/CN=x" "subjectAltName=DNS:*.kafka.example.com"
vector partial-prefix "/CN=x" "subjectAltName=DNS:b*.kafka.example.com"
vector inner-wildcard "/CN=x" "subjectAltName=DNS:broker.*.example.com"
vector double-wildcard "/CN=x" "subjectAltName=DNS:*.*.example.com"
vector ip "/CN=10.0.0.5" "subjectAltName=IP:10.0.0.5"
vector ip-as-dns "/CN=x" "subjectAltName=DNS:10.0.0.5"
vector cn-only "/CN=kafka.example.com"
vector cn-with-ip-san "/CN=kafka.example.com" "subjectAltName=IP:10.0.0.5"
vector cn-with-other-dns "/CN=kafka.example.com" "subjectAltName=DNS:other.example.com"
vector underscore "/CN=x" "subjectAltName=DNS:kafka_1.example.com"
vector punycode "/CN=x" "subjectAltName=DNS:xn--bcher-kva.example.com"
vector ipv6-loopback "/CN=x" "subjectAltName=IP:::1"
vector public-suffix "/CN=x" "subjectAltName=DNS:*.com"
vector mixed-case "/CN=x" "subjectAltName=DNS:KAFKA-0.Example.COM"
vector suffix-wildcard "/CN=x" "subjectAltName=DNS:f*.example.com"
vector san-trailing-dot "/CN=x" "subjectAltName=DNS:kafka.example.com."
vector exact "/CN=x" "subjectAltName=DNS:kafka.example.com"
vector prefix-wildcard "/CN=x" "subjectAltName=DNS:*kafka.example.com"

# Brokers of a three-node cluster whose listener SSL advertises kafka-N.kafka.example.com and
# whose bootstrap name is kafka.example.com.
leaf kafka-0 "/CN=kafka-0" 20260101000000Z 20270101000000Z \
  "subjectAltName=DNS:kafka-0.kafka.example.com,DNS:kafka.example.com,DNS:localhost,IP:127.0.0.1"
leaf kafka-1 "/CN=kafka-1" 20260101000000Z 20270101000000Z \
  "subjectAltName=DNS:kafka-1,DNS:localhost"
leaf kafka-2 "/CN=kafka-2" 20200101000000Z 20200201000000Z \
  "subjectAltName=DNS:kafka-2.kafka.example.com"
leaf expiring "/CN=kafka-3" 20260101000000Z 20261209000000Z \
  "subjectAltName=DNS:kafka-3.kafka.example.com"
leaf not-yet-valid "/CN=kafka-4" 20270101000000Z 20280101000000Z \
  "subjectAltName=DNS:kafka-4.kafka.example.com"
leaf client-only "/CN=kafka-5" 20260101000000Z 20270101000000Z \
  "subjectAltName=DNS:kafka-5.kafka.example.com" "extendedKeyUsage=clientAuth"
leaf server-client "/CN=kafka-6" 20260101000000Z 20270101000000Z \
  "subjectAltName=DNS:kafka-6.kafka.example.com" "extendedKeyUsage=serverAuth,clientAuth"
leaf shared "/CN=kafka" 20260101000000Z 20270101000000Z \
  "subjectAltName=DNS:*.kafka.example.com,DNS:kafka.example.com"
leaf broad "/CN=kafka" 20260101000000Z 20270101000000Z "subjectAltName=DNS:*.example.com"
for name in kafka-0 kafka-1 kafka-2 expiring not-yet-valid client-only server-client shared \
  broad; do
  cp "$work/$name.crt" "$out/tls/$name.pem"
done
cat "$work/kafka-0.crt" "$work/ca.crt" > "$out/tls/kafka-0-bundle.pem"
openssl x509 -in "$work/kafka-0.crt" -outform DER -out "$out/tls/kafka-0.der"
cat "$work/kafka-0.key" "$work/kafka-0.crt" > "$work/kafka-0-with-key.pem"

# Keystores: PKCS#12 modern (PBES2/AES-256-CBC), unencrypted, legacy (RC2-40), keytool's own,
# JKS converted from PKCS#12, and a JKS truststore.
openssl pkcs12 -export -in "$work/kafka-0.crt" -inkey "$work/kafka-0.key" -certfile "$work/ca.crt" \
  -name kafka-0 -out "$out/tls/kafka-0.p12" -passout pass:changeit
openssl pkcs12 -export -in "$work/kafka-0.crt" -inkey "$work/kafka-0.key" -name kafka-0 \
  -certpbe NONE -keypbe NONE -nomac -out "$out/tls/kafka-0-unencrypted.p12" -passout pass:
openssl pkcs12 -export -legacy -in "$work/kafka-0.crt" -inkey "$work/kafka-0.key" -name kafka-0 \
  -out "$out/tls/kafka-0-legacy.p12" -passout pass:changeit
rm -f "$out/tls/kafka-7.p12" "$out/tls/kafka-0.jks" "$out/tls/truststore.jks"
keytool -genkeypair -alias kafka-7 -keyalg EC -groupname secp256r1 -dname "CN=kafka-7" \
  -ext "SAN=dns:kafka-7,dns:kafka-7.kafka.example.com,ip:10.0.0.7" \
  -startdate "2026/01/01 00:00:00" -validity 365 \
  -keystore "$out/tls/kafka-7.p12" -storetype PKCS12 -storepass changeit 2>/dev/null
keytool -importkeystore -srckeystore "$out/tls/kafka-0.p12" -srcstoretype PKCS12 \
  -srcstorepass changeit -destkeystore "$out/tls/kafka-0.jks" -deststoretype JKS \
  -deststorepass changeit -noprompt 2>/dev/null
keytool -importcert -alias ca -file "$work/ca.crt" -keystore "$out/tls/truststore.jks" \
  -storetype JKS -storepass changeit -noprompt 2>/dev/null

# A kubernetes.io/tls Secret holding kafka-0 (the key is a placeholder: keys are never read).
printf 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: kafka-0-tls\ntype: kubernetes.io/tls\n' \
  > "$out/tls/kafka-0-secret.yaml"
printf 'data:\n  tls.crt: %s\n  tls.key: %s\n  ca.crt: %s\n' \
  "$(base64 -w0 "$work/kafka-0.crt")" "$(printf 'not a key' | base64 -w0)" \
  "$(base64 -w0 "$work/ca.crt")" >> "$out/tls/kafka-0-secret.yaml"

# Strimzi: custom broker certificates for a TLS loadbalancer listener advertising
# broker-N.kafka.example.com with bootstrap kafka.example.com; broker 1's misses its name.
leaf lb-0 "/CN=my-cluster-kafka" 20260101000000Z 20270101000000Z \
  "subjectAltName=DNS:broker-0.kafka.example.com,DNS:kafka.example.com"
leaf lb-1 "/CN=my-cluster-kafka" 20260101000000Z 20270101000000Z \
  "subjectAltName=DNS:broker-0.kafka.example.com,DNS:kafka.example.com"
leaf lb-2 "/CN=my-cluster-kafka" 20260101000000Z 20270101000000Z \
  "subjectAltName=DNS:broker-2.kafka.example.com,DNS:kafka.example.com"
for n in 0 1 2; do cp "$work/lb-$n.crt" "$out/strimzi/broker-$n.pem"; done

# Certificates embedded in the rules' documented examples (Lint/TLSExampleCertificates.swift),
# valid until 2099 so that the examples keep their meaning.
mkdir -p "$out/examples"
example() {
  local name="$1" subject="$2" start="$3" end="$4"
  shift 4
  leaf "example-$name" "$subject" "$start" "$end" "$@"
  cp "$work/example-$name.crt" "$out/examples/$name.pem"
}
example kafka-1-short "/CN=kafka-1" 20250101000000Z 20991231000000Z \
  "subjectAltName=DNS:kafka-1,DNS:localhost"
example kafka-1 "/CN=kafka-1" 20250101000000Z 20991231000000Z \
  "subjectAltName=DNS:kafka-1.kafka.example.com,DNS:kafka.example.com"
example kafka-1-no-bootstrap "/CN=kafka-1" 20250101000000Z 20991231000000Z \
  "subjectAltName=DNS:kafka-1.kafka.example.com"
example expired "/CN=kafka-1" 20200101000000Z 20200201000000Z \
  "subjectAltName=DNS:kafka-1.kafka.example.com"
example broad "/CN=kafka" 20250101000000Z 20991231000000Z "subjectAltName=DNS:*.example.com"
example shared "/CN=kafka" 20250101000000Z 20991231000000Z \
  "subjectAltName=DNS:*.kafka.example.com"
example inner-wildcard "/CN=kafka" 20250101000000Z 20991231000000Z \
  "subjectAltName=DNS:kafka-1.*.example.com"
example client-only "/CN=kafka-1" 20250101000000Z 20991231000000Z \
  "subjectAltName=DNS:kafka-1.kafka.example.com" "extendedKeyUsage=clientAuth"
example server-client "/CN=kafka-1" 20250101000000Z 20991231000000Z \
  "subjectAltName=DNS:kafka-1.kafka.example.com" "extendedKeyUsage=serverAuth,clientAuth"
example underscore "/CN=kafka_1" 20250101000000Z 20991231000000Z \
  "subjectAltName=DNS:kafka_1.kafka.example.com"
cp "$work/ca.crt" "$out/examples/ca.pem"
# A second CA, for a Secret whose ca.crt is not the CA that signed its tls.crt.
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/other-ca.key" \
  -out "$work/other-ca.csr" -subj "/CN=Other Kafka CA" 2>/dev/null
openssl ca -batch -config "$work/ca.cnf" -selfsign -keyfile "$work/other-ca.key" \
  -in "$work/other-ca.csr" -out "$work/other-ca.crt" -extensions ca_ext \
  -startdate 20250101000000Z -enddate 20991231000000Z -notext 2>/dev/null
cp "$work/other-ca.crt" "$out/examples/other-ca.pem"

# The compose keystore fixtures (Fixtures/tls/compose) mount copies of these keystores from
# their own secrets directories, as a project would; keep them in step.
compose="$(dirname "$out")/tls/compose"
if [ -d "$compose" ]; then
  cp "$out/tls/kafka-1.pem" "$compose/apache-bind-mount/secrets/kafka-1/kafka.keystore.pem"
  cp "$out/tls/kafka-0.p12" "$compose/apache-bind-mount/secrets/kafka-2/kafka.keystore.p12"
  cp "$out/tls/kafka-7.p12" "$compose/confluent-long-syntax/secrets/kafka.keystore.p12"
  cp "$out/tls/kafka-0.jks" "$compose/bitnami/certs/kafka.keystore.jks"
  cp "$out/tls/truststore.jks" "$compose/bitnami/certs/kafka.truststore.jks"
fi
