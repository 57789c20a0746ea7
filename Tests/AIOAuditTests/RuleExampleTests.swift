import Foundation
import XCTest

@testable import AIOAudit

/// Every rule's examples run, as SwiftLint runs its rules' examples: each triggering example, after
/// the rule's example context, is a complete C file reported by that rule on the line the arrow
/// marks; each non-triggering one is reported by no finding of that rule. Both parse without an
/// error, so that an example cannot pass by being dropped.
final class RuleExampleTests: XCTestCase {
    /// The findings of the example checked as `check` checks a file (suppressions applied), and
    /// the line the arrow marks.
    func run(_ rule: any Rule.Type, _ example: String) throws -> (findings: [Finding], marked: Int?, errors: Int) {
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false)
        let marked = lines.firstIndex { $0.contains("↓") }
        let context = rule.exampleContext
        let offset = context.isEmpty ? 0 : context.split(separator: "\n", omittingEmptySubsequences: false).count
        let text = (context.isEmpty ? "" : context + "\n") + example.replacingOccurrences(of: "↓", with: "") + "\n"
        let file = try temporaryDirectory(self).appendingPathComponent("\(rule.id).c")
        try Data(text.utf8).write(to: file)
        let check = try Pipeline.check(ParseRequest(path: file.path, standalone: true))
        return (check.findings, marked.map { offset + $0 + 1 }, check.unit.errors.count)
    }

    func testEveryRuleHasExamplesBothWays() {
        for rule in Rules.all {
            XCTAssertFalse(rule.triggering.isEmpty, rule.id)
            XCTAssertFalse(rule.nonTriggering.isEmpty, rule.id)
        }
    }

    func testTriggeringExamplesAreReportedWhereTheArrowPoints() throws {
        for rule in Rules.all {
            for (n, example) in rule.triggering.enumerated() {
                let r = try run(rule, example)
                XCTAssertEqual(r.errors, 0, "\(rule.id) example \(n + 1) does not parse")
                let line = try XCTUnwrap(r.marked, "\(rule.id) example \(n + 1) has no ↓")
                XCTAssertTrue(
                    r.findings.contains { $0.rule == rule.id && $0.line == line },
                    "\(rule.id) example \(n + 1): want line \(line), got \(r.findings.map { "\($0.rule)@\($0.line)" })")
            }
        }
    }

    func testNonTriggeringExamplesAreNotReported() throws {
        for rule in Rules.all {
            for (n, example) in rule.nonTriggering.enumerated() {
                let r = try run(rule, example)
                XCTAssertEqual(r.errors, 0, "\(rule.id) counter-example \(n + 1) does not parse")
                XCTAssertNil(r.marked, "\(rule.id) counter-example \(n + 1) has a ↓")
                XCTAssertFalse(
                    r.findings.contains { $0.rule == rule.id },
                    "\(rule.id) counter-example \(n + 1): \(r.findings.map { "\($0.rule)@\($0.line)" })")
            }
        }
    }
}
