import Foundation
import XCTest

@testable import AIOAudit

/// The formats of `check` and `facts`, and the command's exit statuses.
final class ReportTests: XCTestCase {
    func lifetime() throws -> FileCheck {
        FileCheck(unit: try Parser.parse(ParseRequest(path: Paths.fixture("check/lifetime.c"), standalone: true)))
    }

    func testTextIsCompilerStyleWithExcerptAndNotes() throws {
        let text = FindingsReport.text([try lifetime()], colour: false)
        let first = try XCTUnwrap(text.split(separator: "\n").first)
        XCTAssertTrue(
            first.hasPrefix(Paths.fixture("check/lifetime.c") + ":94:2: error: put_ctx(ctx) may drop"), String(first))
        XCTAssertTrue(first.hasSuffix("[put-outside-pin]"))
        XCTAssertTrue(text.contains(" 94 | \tput_ctx(ctx);"))
        XCTAssertTrue(text.contains("    | \t^"))
        XCTAssertTrue(text.contains(": note: final_put_work() runs in a work item"))
        XCTAssertFalse(text.contains("\u{1B}["), "no colour unless asked")
        XCTAssertTrue(FindingsReport.text([try lifetime()], colour: true).contains("\u{1B}["))
    }

    func testSARIFValidatesAgainstTheSchema() throws {
        let sarif = FindingsReport.sarif([try lifetime()])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let runs = try XCTUnwrap(object["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 9)
        for r in results {
            XCTAssertNotNil(r["level"])
            XCTAssertNotNil(r["codeFlows"])
            XCTAssertNotNil(r["partialFingerprints"])
            let location = try XCTUnwrap((r["locations"] as? [[String: Any]])?.first)
            XCTAssertEqual((location["logicalLocations"] as? [[String: Any]])?.first?["kind"] as? String, "function")
        }
        try validateSARIF(sarif, in: self)
    }

    func testGitHubAnnotationsOfCheck() throws {
        let text = FindingsReport.github([try lifetime()])
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 9)
        XCTAssertTrue(lines[0].hasPrefix("::error file="), String(lines[0]))
        XCTAssertTrue(lines[0].contains(",line=94,col=2,title=aio-audit put-outside-pin::"), String(lines[0]))
        XCTAssertTrue(lines[0].contains("%0Aline 96: final_put_work() runs in a work item"), String(lines[0]))
        XCTAssertTrue(lines.contains { $0.hasPrefix("::warning ") })
    }

    func testJSONFindings() throws {
        let json = FindingsReport.json([try lifetime()])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let files = try XCTUnwrap(object["files"] as? [[String: Any]])
        XCTAssertEqual((files.first?["findings"] as? [Any])?.count, 9)
        XCTAssertEqual(files.first?["profile"] as? String, "aio-2.6-4.19")
    }

    func testFactsShowEveryRoleWithItsSource() throws {
        let facts = FactsReport.text(try lifetime())
        for expected in [
            "get_ctx: get of struct ctx", "try_get_ctx: try-get of struct ctx",
            "put_ctx: put of struct ctx (argument 1, field users), release release_ctx", "struct ctx.reqs_active",
            "drop_request(): ctx", "final_put_work: work item", "timeout_fn: timer", "complete_io: interrupt",
            "uses-mm: release_ctx", "frees its object: after a grace period",
        ] {
            XCTAssertTrue(facts.contains(expected), "facts lack '\(expected)':\n\(facts)")
        }
    }

    func testCheckExitStatuses() throws {
        let clean = try runTool(["check", "--standalone", Paths.fixture("check/consolidated.c")])
        XCTAssertEqual(clean.status, 0, clean.err)
        XCTAssertEqual(clean.out, "")
        let bug = try runTool(["check", "--standalone", Paths.fixture("check/no_grace.c")])
        XCTAssertEqual(bug.status, 1)
        XCTAssertTrue(bug.err.contains("1 error and 0 warnings generated."), bug.err)
        let warning = try runTool(["check", "--standalone", Paths.fixture("check/warning_only.c")])
        XCTAssertEqual(warning.status, 0, warning.out + warning.err)
        XCTAssertTrue(warning.out.contains("warning:"), warning.out)
        XCTAssertEqual(
            try runTool(["check", "--standalone", "--strict", Paths.fixture("check/warning_only.c")]).status, 1)
        // Options after the files, and compiler flags after --.
        let flags = try runTool([
            "check", Paths.fixture("check/no_grace.c"), "--standalone", "--format", "json", "--", "-DUNUSED=1",
        ])
        XCTAssertEqual(flags.status, 1, flags.err)
        XCTAssertTrue(flags.out.contains("\"rule\" : \"rcu-no-grace-period\""), flags.out)
        let missing = try runTool(["check", "/nonexistent.c"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(
            try runTool(["check", "--profile", "no-such-profile", Paths.fixture("check/no_grace.c")]).status, 2)
        XCTAssertEqual(try runTool(["explain", "put-outside-pin"]).status, 0)
        for rule in Rules.identifiers {
            let r = try runTool(["explain", rule])
            XCTAssertEqual(r.status, 0, rule)
            XCTAssertTrue(r.out.hasPrefix("\(rule): "), r.out)
            XCTAssertTrue(r.out.contains("Triggers (the arrow marks where):") && r.out.contains("↓"), r.out)
            XCTAssertTrue(r.out.contains("Does not trigger:"), r.out)
        }
        XCTAssertEqual(Set(Rules.identifiers).count, Rules.all.count, "identifiers are unique")
        XCTAssertEqual(Rules.instances().count, Rules.all.filter { !$0.isPseudoRule }.count)
        XCTAssertEqual(try runTool(["explain", "no-such-rule"]).status, 2)
    }

    func testOutputIsByteIdenticalAcrossRunsAndFileOrder() throws {
        let a = Paths.fixture("check/lifetime.c")
        let b = Paths.fixture("check/no_grace.c")
        let first = try runTool(["check", "--standalone", "--format", "sarif", a, b])
        let second = try runTool(["check", "--standalone", "--format", "sarif", a, b])
        XCTAssertEqual(first.out, second.out)
        let facts1 = try runTool(["facts", "--standalone", a])
        let facts2 = try runTool(["facts", "--standalone", a])
        XCTAssertEqual(facts1.out, facts2.out)
        // Each file's findings do not depend on which other files are checked with it.
        let alone = try runTool(["check", "--standalone", "--format", "json", b])
        let together = try runTool(["check", "--standalone", "--format", "json", a, b])
        XCTAssertTrue(
            together.out.contains(
                alone.out.components(separatedBy: "\"findings\" : ")[1].components(separatedBy: "\"mode\"")[0]))
    }

    func testProfileOverride() throws {
        let unit = try Parser.parse(ParseRequest(path: Paths.fixture("check/lifetime.c"), standalone: true))
        let check = FileCheck(unit: unit, profile: try Profiles.named("aio-4.20-6.x"))
        // After 4.20 the disabled-interrupts region covers the unlock: the warning goes away.
        XCTAssertFalse(check.findings.contains { $0.function == "irq_only_work" })
        XCTAssertEqual(check.findings.count, 8)
    }

    /// facts shows what callers read of each function: a conditional-lock helper and its unlock.
    func testFactsShowTheSummariesCallersRead() throws {
        let path = Paths.fixture("check/lock_imbalance.c")
        let text = try runTool(["facts", path])
        XCTAssertEqual(text.status, 0, text.err)
        XCTAssertTrue(text.out.contains("req_lock_wq: returns holding req->head->lock when it returns true"), text.out)
        XCTAssertTrue(text.out.contains("req_unlock_wq: releases its caller's req->head->lock"), text.out)
        XCTAssertTrue(text.out.contains("lock_ctx: returns holding ctx->lock always"), text.out)
        let json = try runTool(["facts", "--format", "json", path])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let summaries = try XCTUnwrap(object["summaries"] as? [String: [String: Any]])
        XCTAssertEqual(summaries["req_lock_wq"]?["acquires"] as? [String], ["req->head->lock when it returns true"])
    }
}
