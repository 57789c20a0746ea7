import Foundation
import XCTest

@testable import AIOAudit

/// The command line as a first-day user meets it.
final class CommandLineUsageTests: XCTestCase {
    func testNoArgumentsPrintsTheUsageAndExits2() throws {
        let r = try runTool([])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("USAGE: aio-audit <subcommand>"), r.err)
        XCTAssertEqual(r.out, "")
    }

    func testVersion() throws {
        let r = try runTool(["--version"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.out, AIOAuditVersion.string + "\n")
    }

    func testHelpAndExplainNameEveryRuleOfTheRegistry() throws {
        let listing = try runTool(["explain"])
        XCTAssertEqual(listing.status, 0)
        let lines = listing.out.split(separator: "\n")
        XCTAssertEqual(lines.count, Rules.all.count)
        for (line, rule) in zip(lines, Rules.all) {
            XCTAssertTrue(line.hasPrefix(rule.id + " "), String(line))
            XCTAssertTrue(line.hasSuffix(rule.summary), String(line))
        }
        for args in [["--help"], ["check", "--help"], ["explain", "--help"]] {
            // ArgumentParser wraps help text at the terminal's width: compare without line breaks.
            let help = try runTool(args).out.replacingOccurrences(of: "\n", with: " ")
                .split(separator: " ").joined(separator: " ")
            for id in Rules.identifiers { XCTAssertTrue(help.contains(id), "\(args) lacks \(id): \(help)") }
        }
    }

    func testTheSuppressionPseudoRuleIsExplained() throws {
        let r = try runTool(["explain", "suppression-without-reason"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.hasPrefix("suppression-without-reason: "), r.out)
    }

    func testACompileDatabaseWithoutTheFileIsSaid() throws {
        let dir = try temporaryDirectory(self)
        try Data("[]".utf8).write(to: dir.appendingPathComponent("compile_commands.json"))
        let file = dir.appendingPathComponent("aio.c")
        try Data(contentsOf: URL(fileURLWithPath: Paths.fixture("aio_sample.c"))).write(to: file)
        let r = try runTool(["check", file.path])
        XCTAssertEqual(r.status, 1, "still checked, standalone")
        XCTAssertTrue(r.err.contains("compile_commands.json has no entry for this file"), r.err)
        let named = try runTool(["check", file.path, "-p", dir.appendingPathComponent("compile_commands.json").path])
        XCTAssertEqual(named.status, 2)
        XCTAssertTrue(named.err.contains("is not in the compile database"), named.err)
    }

    func testVerboseBeforeTheSubcommandIsTheSubcommands() throws {
        let before = try runTool(["-v", "check", Paths.fixture("aio_sample.c")])
        let after = try runTool(["check", "-v", Paths.fixture("aio_sample.c")])
        XCTAssertEqual(before.status, after.status)
        XCTAssertEqual(before.out, after.out)
        XCTAssertEqual(before.err, after.err)
        XCTAssertTrue(before.err.contains("parsed in standalone mode"), before.err)
    }

    func testVerboseListsTheFirstParseErrorsAndCountsTheRest() throws {
        let dir = try temporaryDirectory(self)
        let file = dir.appendingPathComponent("broken.c")
        let functions = (1...40).map { "int f\($0)(int a)\n{\n\treturn a +;\n}\n" }.joined()
        try functions.write(to: file, atomically: true, encoding: .utf8)
        let r = try runTool(["check", "-v", file.path])
        let listed = r.err.split(separator: "\n").filter { $0.contains(": parse error: ") }
        XCTAssertEqual(listed.count, 30, r.err)
        // Named as the command line named the file.
        XCTAssertTrue(listed.allSatisfy { $0.hasPrefix(file.path + ":") }, r.err)
        XCTAssertTrue(r.err.contains("\(file.path): 10 more parse errors not listed"), r.err)
        XCTAssertTrue(r.err.contains("40 parse errors remain"), r.err)
    }

    func testWhatFollowsTheTerminatorReachesTheParser() throws {
        let base = try String(contentsOfFile: Paths.fixture("review/base.c"), encoding: .utf8)
        let guarded = base.replacingOccurrences(
            of: "\tput_ctx(ctx);\n}", with: "#ifdef BUGGY\n\tput_ctx(ctx);\n#endif\n}")
        let file = try write(guarded, in: self)
        XCTAssertFalse(try runTool(["check", file.path]).out.contains("[put-outside-pin]"))
        let flagged = try runTool(["check", file.path, "--", "-DBUGGY"])
        XCTAssertTrue(flagged.out.contains("[put-outside-pin]"), flagged.out + flagged.err)
        let refused = try runTool(["explain", "put-outside-pin", "--", "-DX"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.err, "aio-audit: error: this command takes nothing after --\n")
    }

    func testPatchWithStagedIsAUsageError() throws {
        let r = try runTool(["diff", "--patch", Paths.fixture("review/fix.patch"), "--staged"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.err, "aio-audit: error: --patch and --staged exclude each other\n")
    }

    func testABadProfileFileIsOneLineNamingTheField() throws {
        let dir = try temporaryDirectory(self)
        let profile = dir.appendingPathComponent("p.json")
        try Data(#"{"name": "mine", "description": "d", "rcuConsolidated": "yes"}"#.utf8).write(to: profile)
        let r = try runTool(["check", "--profile", profile.path, Paths.fixture("aio_sample.c")])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(
            r.err,
            "aio-audit: error: \(profile.path): is not a valid profile: field 'rcuConsolidated' is not true or false\n")
        try Data(#"{"name": "mine", "description": "d", "rcuConsolidated": true, "gets": [{"type": "x"}]}"#.utf8)
            .write(to: profile)
        let missing = try runTool(["facts", "--profile", profile.path, Paths.fixture("aio_sample.c")])
        XCTAssertEqual(
            missing.err,
            "aio-audit: error: \(profile.path): is not a valid profile: field 'gets[0].function' is missing\n")
    }

    func write(_ text: String, in test: XCTestCase) throws -> URL {
        let file = try temporaryDirectory(test).appendingPathComponent("t.c")
        try Data(text.utf8).write(to: file)
        return file
    }

    func testASuppressionWithoutAReasonIsReportedOnce() throws {
        let file = try write(
            """
            #include <linux/spinlock.h>
            struct ctx { spinlock_t lock; };
            void twice(struct ctx *ctx)
            {
            \tspin_lock(&ctx->lock);
            \tspin_unlock(&ctx->lock);
            \t/* aio-audit: ignore lock-imbalance */
            \tspin_unlock(&ctx->lock); spin_unlock(&ctx->lock);
            }

            """, in: self)
        let r = try runTool(["check", "--format", "json", file.path])
        XCTAssertEqual(r.out.components(separatedBy: "\"rule\" : \"suppression-without-reason\"").count, 2, r.out)
        XCTAssertEqual(r.out.components(separatedBy: "\"rule\" : \"lock-imbalance\"").count, 3, r.out)
    }

    func testSARIFRuleIndexNamesTheResultsRule() throws {
        let file = try write(
            """
            #include <linux/spinlock.h>
            struct ctx { spinlock_t lock; };
            void twice(struct ctx *ctx)
            {
            \tspin_lock(&ctx->lock);
            \tspin_unlock(&ctx->lock);
            \tspin_unlock(&ctx->lock); /* aio-audit: ignore lock-imbalance */
            }

            """, in: self)
        let r = try runTool(["check", "--format", "sarif", file.path])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let run = try XCTUnwrap((object["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(
            Set(results.compactMap { $0["ruleId"] as? String }), ["lock-imbalance", "suppression-without-reason"])
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
        }
        try validateSARIF(r.out, in: self)
    }

    func testALockNeverTakenOnTheOtherReturnIsNotSaidToBeReleased() throws {
        let file = try write(
            """
            #include <linux/spinlock.h>
            #include <linux/errno.h>
            struct ctx { spinlock_t lock; int dead; };
            int early(struct ctx *ctx, int nr)
            {
            \tif (nr < 0)
            \t\treturn -EINVAL;
            \tspin_lock(&ctx->lock);
            \tif (ctx->dead)
            \t\treturn -EBUSY;
            \tspin_unlock(&ctx->lock);
            \treturn 0;
            }
            /* aio-audit: aio-model */

            """, in: self)
        let r = try runTool(["check", file.path])
        XCTAssertEqual(r.status, 1, r.out)
        XCTAssertTrue(
            r.out.contains(
                "early() returns with ctx->lock held (taken at line 8), but returns without it on the failure return at line 7"
            ), r.out)
        XCTAssertFalse(r.out.contains("releases it"), r.out)
    }

    func testNotesPointAtTheStatementsColumn() throws {
        let r = try runTool(["check", Paths.fixture("aio_sample.c")])
        // The call in release_ioctx()'s body is indented; the function's definition starts its line.
        XCTAssertTrue(r.out.contains("aio_sample.c:46:2: note: release_ioctx() calls vm_munmap()"), r.out)
        XCTAssertTrue(r.out.contains("aio_sample.c:44:1: note: the last put runs release_ioctx()"), r.out)
    }
}
