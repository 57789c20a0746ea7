import AIOAudit
import Foundation
import XCTest

/// Rules on and off: --enable, --disable and the configuration file.
final class RuleSelectionTests: XCTestCase {
    /// rcu_get_not_tryget.c reports rcu-get-not-tryget in lookup_ctx() and lookup_kctx(), and
    /// rcu-accessor in lookup_kctx() and kill_kctx().
    let fixture = Paths.fixture("check/rcu_get_not_tryget.c")

    /// (rule, function) of each finding `check --format json` reports, sorted.
    func reported(_ arguments: [String], in directory: URL? = nil) throws -> [String] {
        let run = try runTool(["check", "--format", "json"] + arguments, in: directory)
        XCTAssertTrue(run.status == 0 || run.status == 1, run.err)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        return files.flatMap { f in
            (f["findings"] as? [[String: Any]] ?? []).map { "\($0["rule"]!)@\($0["function"]!)" }
        }.sorted()
    }

    func testEnableAndDisableApplyInTheirOrder() throws {
        XCTAssertEqual(
            try reported([fixture]),
            [
                "rcu-accessor@kill_kctx", "rcu-accessor@lookup_kctx", "rcu-get-not-tryget@lookup_ctx",
                "rcu-get-not-tryget@lookup_kctx",
            ])
        XCTAssertEqual(
            try reported(["--disable", "rcu-accessor", fixture]),
            ["rcu-get-not-tryget@lookup_ctx", "rcu-get-not-tryget@lookup_kctx"])
        XCTAssertEqual(
            try reported(["--disable", "all", "--enable=rcu-accessor", fixture]),
            ["rcu-accessor@kill_kctx", "rcu-accessor@lookup_kctx"])
        XCTAssertEqual(
            try reported(["--enable", "all", "--disable", "rcu-get-not-tryget", fixture]),
            ["rcu-accessor@kill_kctx", "rcu-accessor@lookup_kctx"])
        // With nothing left to report, nothing fails.
        XCTAssertEqual(try runTool(["check", "--disable", "all", fixture]).status, 0)
    }

    func testAnUnknownRuleIsAUsageError() throws {
        let run = try runTool(["check", "--disable", "rcu-acessor", fixture])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.out, "")
        XCTAssertTrue(run.err.hasPrefix("aio-audit: error: --disable: no rule rcu-acessor (rules: all, "), run.err)
        XCTAssertEqual(run.err.split(separator: "\n").count, 1)
    }

    /// A repository with the fixture in a subdirectory and a configuration at its top.
    func makeRepository(config: String) throws -> (top: URL, file: String) {
        let top = try temporaryDirectory(self).appendingPathComponent("repo")
        try FileManager.default.createDirectory(
            at: top.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: top.appendingPathComponent("fs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: fixture), to: top.appendingPathComponent("fs/aio.c"))
        try config.write(to: top.appendingPathComponent(".aio-audit.yaml"), atomically: true, encoding: .utf8)
        return (top, top.appendingPathComponent("fs/aio.c").path)
    }

    func testTheConfigurationFileTurnsRulesOffForTheFileOrAFunction() throws {
        let repo = try makeRepository(
            config: """
                # aio-audit's settings for this tree
                rules:
                  rcu-accessor:
                    enabled: false
                    reason: the table is read under its writers' lock here
                functions:
                  lookup_ctx:
                    disable: [rcu-get-not-tryget]
                    reason: the caller holds a reference already
                """)
        XCTAssertEqual(try reported([repo.file]), ["rcu-get-not-tryget@lookup_kctx"])
        // Found from a working directory elsewhere too: it is looked for beside the file.
        XCTAssertEqual(try reported(["fs/aio.c"], in: repo.top), ["rcu-get-not-tryget@lookup_kctx"])
        // The command line has the last word.
        XCTAssertEqual(
            try reported(["--enable", "rcu-accessor", repo.file]),
            ["rcu-accessor@kill_kctx", "rcu-accessor@lookup_kctx", "rcu-get-not-tryget@lookup_kctx"])
        // --config names another file; a configuration above the repository's top is not read.
        let other = repo.top.deletingLastPathComponent().appendingPathComponent(".aio-audit.yaml")
        try "rules:\n  rcu-get-not-tryget:\n    enabled: false\n    reason: tested\n".write(
            to: other, atomically: true, encoding: .utf8)
        XCTAssertEqual(
            try reported(["--config", other.path, repo.file]),
            [
                "rcu-accessor@kill_kctx", "rcu-accessor@lookup_kctx",
            ])
        try FileManager.default.removeItem(at: repo.top.appendingPathComponent(".aio-audit.yaml"))
        XCTAssertEqual(try reported([repo.file]).count, 4)
    }

    func testABadConfigurationIsAnInputError() throws {
        for (config, said) in [
            ("rules:\n  rcu-accessor:\n    enabled: false\n", "rules.rcu-accessor: a reason is required"),
            ("rules:\n  rcu-acessor:\n    enabled: false\n    reason: x\n", "no rule rcu-acessor"),
            ("functions:\n  f:\n    disable: [all]\n    why: x\n", "functions.f: unknown setting `why`"),
            ("rules: [\n", "is not YAML"),
            ("- a\n- b\n", "must be a mapping"),
            ("checks:\n  x: 1\n", "unknown setting `checks`"),
        ] {
            let repo = try makeRepository(config: config)
            let run = try runTool(["check", repo.file])
            XCTAssertEqual(run.status, 2, config)
            XCTAssertTrue(run.err.contains(said), "\(config): \(run.err)")
            XCTAssertTrue(run.err.hasPrefix("aio-audit: error: \(repo.top.path)/.aio-audit.yaml"), run.err)
        }
    }

    /// `diff` reads the configuration where it runs (the repository's top).
    func testDiffReadsTheConfigurationWhereItRuns() throws {
        let top = try temporaryDirectory(self)
        try FileManager.default.createDirectory(
            at: top.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for name in ["base.c", "bug.patch"] {
            try FileManager.default.copyItem(
                at: URL(fileURLWithPath: Paths.fixture("review/\(name)")), to: top.appendingPathComponent(name))
        }
        let before = try runTool(["diff", "--patch", "bug.patch", "base.c"], in: top)
        XCTAssertTrue(before.out.contains("[put-outside-pin]"), before.out)
        try "rules:\n  put-outside-pin:\n    enabled: false\n    reason: tested\n".write(
            to: top.appendingPathComponent(".aio-audit.yaml"), atomically: true, encoding: .utf8)
        let after = try runTool(["diff", "--patch", "bug.patch", "base.c"], in: top)
        XCTAssertFalse(after.out.contains("[put-outside-pin]"), after.out)
        XCTAssertTrue(after.out.contains("base.c: 0 introduced, 0 fixed, 0 unchanged"), after.out)
    }
}
