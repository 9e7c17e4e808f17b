// swift-tools-version: 6.0
// The floor of the benchmark: what reading the bytes and composing them with Yams (libyaml)
// cost alone, with no model, derivation or rules. Built by `Tests/Benchmarks/run.sh` only.
import PackageDescription

let package = Package(
  name: "yaml-floor",
  dependencies: [.package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2")],
  targets: [
    .executableTarget(
      name: "yaml-floor", dependencies: [.product(name: "Yams", package: "Yams")],
      // Linked as kafka-listeners is (see its Package.swift), so that the floor is a floor.
      linkerSettings: [
        .unsafeFlags(
          ["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux], configuration: .release))
      ])
  ]
)
