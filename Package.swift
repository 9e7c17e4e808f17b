// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "kafka-listeners",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "KafkaListeners", targets: ["KafkaListeners"]),
    .executable(name: "kafka-listeners", targets: ["kafka-listeners"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    // The live probe speaks the Kafka protocol over TCP and TLS.
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
  ],
  targets: [
    .target(
      name: "KafkaListeners",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "NIOTLS", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]
    ),
    .executableTarget(
      name: "kafka-listeners",
      dependencies: [
        "KafkaListeners",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      linkerSettings: [
        // Linking the Swift runtime statically (--static-swift-stdlib, as released) adds
        // --export-dynamic, which lists every symbol of the program (32,000) in its dynamic
        // symbol table. Nothing looks symbols of this program up at run time, but the runtime's
        // start-up calls dladdr, a linear scan of that table: 0.5 ms, 7% of linting a typical
        // file. Without the static runtime the flag changes nothing.
        .unsafeFlags(
          ["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux], configuration: .release))
      ]
    ),
    .target(
      name: "TestSupport",
      dependencies: ["KafkaListeners"],
      path: "Tests/TestSupport"
    ),
    .testTarget(
      name: "KafkaListenersTests",
      dependencies: [
        "KafkaListeners", "TestSupport", "kafka-listeners",
        // The reference the YAML composer is tested against.
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    // Uses only the public API, as another package would.
    .testTarget(name: "EmbedderTests", dependencies: ["KafkaListeners"]),
  ]
)
