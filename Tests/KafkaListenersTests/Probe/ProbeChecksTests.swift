import Foundation
import TestSupport
import Testing

@testable import KafkaListeners

/// The probe's checks are documented like rules: listed, explained, in the README table.
@Suite struct ProbeChecksTests {
  @Test func checksAreKL7xxUniqueSortedAndDocumented() {
    let codes = ProbeChecks.all.map(\.metadata.code)
    #expect(codes == codes.sorted())
    #expect(Set(codes).count == codes.count)
    let all = RuleRegistry.documented.map(\.metadata.code)
    #expect(Set(all).count == all.count, "a probe code repeats a lint rule's")
    for check in ProbeChecks.all {
      let m = check.metadata
      #expect(m.code.wholeMatch(of: /KL7[0-9][0-9]/) != nil)
      #expect(m.summary.count > 10 && m.rationale.count > 40)
      #expect(RuleRegistry.rule(m.code)?.metadata.name == m.name)
      #expect(RuleRegistry.rule(m.name)?.metadata.code == m.code)
    }
  }

  /// A documented check that the probe never reports would mislead readers.
  @Test func everyCheckIsReportedSomewhere() throws {
    let source = try String(
      contentsOfFile: packagePath("Sources/KafkaListeners/Probe/Prober.swift"), encoding: .utf8)
    let names = try String(
      contentsOfFile: packagePath("Sources/KafkaListeners/Probe/ProbeChecks.swift"),
      encoding: .utf8
    ).matches(of: /static let (\w+) = ProbeCheck\(/).map { String($0.1) }
    #expect(names.count == ProbeChecks.all.count)
    for name in names {
      #expect(source.contains("ProbeChecks.\(name)"), "\(name) is never reported")
    }
  }

  @Test func explainWorksForEveryCheck() throws {
    for check in ProbeChecks.all {
      let result = try runCLI(["explain", check.metadata.code])
      #expect(result.status == 0)
      #expect(result.stdout.hasPrefix("\(check.metadata.code) \(check.metadata.name) ("))
    }
    let list = try runCLI(["rules"])
    #expect(list.stdout.contains("KL710  error   advertised-host-unresolvable"))
  }

  @Test func usageErrorsExitWith2() throws {
    for arguments in [
      ["probe", "no-port"], ["probe", "a.example:99999"], ["probe", "a:1", "--timeout", "0"],
      ["probe", "a:1", "--expect", "x.yaml"], ["probe", "a:1", "--metadata-version", "14"],
      ["probe", "a:1", "--ca", "/nonexistent/ca.pem"],
      ["probe", "a:1", "--expect-broker", "x=h:1"], ["probe", "a:1", "--expect-broker", "1=h"],
      ["probe", "a:1", "--expect-broker", "1=h:1", "--expect-broker", "1=g:2"],
      ["probe", "a:1", "--expect-broker", "1=h:1", "--expect-brokers", "1"],
      ["probe", "a:1", "--expect-brokers", "-1"],
    ] {
      let result = try runCLI(arguments)
      #expect(result.status == 2, "\(arguments): \(result.stderr)")
    }
  }

  @Test func unresolvableBootstrapIsAFindingNotAUsageError() throws {
    let result = try runCLI(["probe", "kafka.bootstrap.invalid:9092"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("[KL701 bootstrap-unresolvable]"))
  }
}
