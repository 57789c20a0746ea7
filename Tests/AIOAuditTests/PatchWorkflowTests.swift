import Foundation
import XCTest

@testable import AIOAudit

/// The review workflow as a maintainer meets it: patches from standard input, patches already
/// applied, series reviewed message by message, paths a CI can attach, baselines that count,
/// identities that survive a macro becoming a function.
final class PatchWorkflowTests: XCTestCase {
    let review = Paths.fixtures.appendingPathComponent("review")

    func fixture(_ name: String) -> String { review.appendingPathComponent(name).path }

    func diff(_ arguments: [String], in directory: URL? = nil, input: Data? = nil) throws -> (
        status: Int32, out: String, err: String
    ) {
        try runTool(["diff"] + arguments, in: directory, input: input)
    }

    /// base.c with fix.patch applied, in a directory of its own (no repository around it).
    func fixedCopy() throws -> URL {
        let dir = try temporaryDirectory(self)
        let base = try String(contentsOfFile: fixture("base.c"), encoding: .utf8)
        let patch = try Patch.parse(try String(contentsOfFile: fixture("fix.patch"), encoding: .utf8), name: "fix")
        let file = dir.appendingPathComponent("base.c")
        try Data(try patch.files[0].apply(to: base).utf8).write(to: file)
        return file
    }

    // MARK: Patches as they come

    func testAPatchOnStandardInput() throws {
        let patch = try Data(contentsOf: URL(fileURLWithPath: fixture("fix.patch")))
        let r = try diff(["--patch", "-", fixture("base.c")], input: patch)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("base.c: 0 introduced, 1 fixed, 0 unchanged"), r.out)
        let empty = try diff(["--patch", "-", fixture("base.c")], input: Data())
        XCTAssertEqual(empty.status, 2)
        XCTAssertEqual(empty.err, "aio-audit: error: standard input: is empty, not a patch\n")
    }

    func testAPatchAlreadyAppliedIsReviewedAsTheChangeItMade() throws {
        let file = try fixedCopy()
        let r = try diff(["--patch", fixture("fix.patch"), file.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("note: "), r.out)
        XCTAssertTrue(r.out.contains("fix.patch is already applied to"), r.out)
        XCTAssertTrue(r.out.contains("0 introduced, 1 fixed, 0 unchanged"), r.out)
        XCTAssertEqual(r.out.components(separatedBy: "note:").count, 2, "one note")
        // Said outright, it is the same review without the note.
        let said = try diff(["--patch", fixture("fix.patch"), "--applied", file.path])
        XCTAssertFalse(said.out.contains("note:"), said.out)
        XCTAssertTrue(said.out.contains("0 introduced, 1 fixed, 0 unchanged"), said.out)
        // Forwards it still applies where it does not hold yet: no note.
        XCTAssertFalse(try diff(["--patch", fixture("fix.patch"), fixture("base.c")]).out.contains("note:"))
    }

    func testAHunkThatMatchesNeitherWayNamesTheFirstLineThatDiffers() throws {
        let r = try diff(["--patch", fixture("mismatch-middle.patch"), "--tree", review.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
        XCTAssertTrue(r.err.contains("hunk 1 (@@ -85,9 +85,10 @@) does not apply: line 89 differs"), r.err)
        XCTAssertTrue(r.err.contains("the patch expects '\tdrop_request(req, ctx);'"), r.err)
        XCTAssertTrue(r.err.contains("the file has '\tdrop_request(ctx, req);'"), r.err)
        XCTAssertTrue(r.err.hasSuffix("nor in reverse\n"), r.err)
    }

    func testASeriesIsReviewedPatchByPatch() throws {
        let r = try diff(["--patch", fixture("series.mbox"), "--tree", review.path])
        XCTAssertEqual(r.status, 1, "the second patch introduces what the first fixed")
        let lines = r.out.split(separator: "\n").map(String.init)
        let first = try XCTUnwrap(lines.firstIndex(of: "[PATCH 1/2] fix"), r.out)
        let second = try XCTUnwrap(lines.firstIndex(of: "[PATCH 2/2] undo"), r.out)
        XCTAssertLessThan(first, second)
        XCTAssertEqual(lines[first + 1], "fixtures/review/base.c: 0 introduced, 1 fixed, 0 unchanged")
        XCTAssertEqual(lines[second + 1], "fixtures/review/base.c: 1 introduced, 0 fixed, 0 unchanged")
        XCTAssertEqual(
            lines.last,
            "series of 2 patches, as a whole: 0 introduced, 0 fixed, 1 unchanged; introduced by [PATCH 2/2] undo (1)")
        let json = try XCTUnwrap(
            try JSONSerialization.jsonObject(
                with: Data(
                    try diff(["--patch", fixture("series.mbox"), "--tree", review.path, "--format", "json"]).out.utf8))
                as? [String: Any])
        let patches = try XCTUnwrap(json["patches"] as? [[String: Any]])
        XCTAssertEqual(patches.compactMap { $0["title"] as? String }, ["[PATCH 1/2] fix", "[PATCH 2/2] undo"])
        // Undone (-R), the series is reviewed from its last message back.
        let reverted = try diff(["--patch", fixture("series.mbox"), "--tree", review.path, "-R"])
        XCTAssertTrue(reverted.out.hasPrefix("revert [PATCH 2/2] undo\n"), reverted.out)
    }

    func testMessagesAreSplitOnMboxSeparatorsOnly() throws {
        let text = """
            From 1111111111111111111111111111111111111111 Mon Sep 17 00:00:00 2001
            Subject: [PATCH 1/1] aio: a subject that is long
             enough to be folded

            From the looks of it this body line is no separator.
            ---
            --- a/x.c
            +++ b/x.c
            @@ -1 +1 @@
            -a
            +b

            """
        let patch = try Patch.parse(text, name: "mail")
        XCTAssertEqual(patch.messages.count, 1)
        XCTAssertEqual(patch.messages[0].subject, "[PATCH 1/1] aio: a subject that is long enough to be folded")
    }

    func testAQuotedPrintableMailIsDecoded() throws {
        let r = try diff(["--patch", fixture("fix-quoted-printable.patch"), "--tree", review.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("base.c: 0 introduced, 1 fixed, 0 unchanged"), r.out)
        XCTAssertEqual(QuotedPrintable.decode(["a=3Db=", "c=09d", "=E2=80=94"]), ["a=bc\td", "\u{2014}"])
    }

    func testReverseIsGitApplysR() throws {
        let file = try fixedCopy()
        let r = try diff(["--patch", fixture("fix.patch"), "-R", file.path])
        XCTAssertEqual(r.status, 1, "undoing the fix introduces the put")
        XCTAssertTrue(r.out.contains("1 introduced, 0 fixed"), r.out)
        XCTAssertEqual(try diff(["--patch", fixture("fix.patch"), "--reverse", file.path]).out, r.out)
        XCTAssertEqual(try diff(["--patch", fixture("fix.patch"), "--revert", file.path]).out, r.out)
        XCTAssertEqual(try diff(["--patch", fixture("fix.patch"), "--applied", "-R", file.path]).status, 2)
    }

    func testAChangeThatAddsParseErrorsIsNotPassedUnseen() throws {
        let dir = try temporaryDirectory(self)
        let base = try String(contentsOfFile: fixture("base.c"), encoding: .utf8)
        let file = dir.appendingPathComponent("aio.c")
        try Data(base.utf8).write(to: file)
        // The work item loses its closing brace, and the file no longer parses after it.
        let lines = base.split(separator: "\n", omittingEmptySubsequences: false)
        let at = try XCTUnwrap(lines.firstIndex(of: "\tput_ctx(ctx);"))
        XCTAssertEqual(lines[at + 1], "}")
        let patch = "--- a/aio.c\n+++ b/aio.c\n@@ -\(at + 1),2 +\(at + 1),1 @@\n \tput_ctx(ctx);\n-}\n"
        let p = dir.appendingPathComponent("p.patch")
        try Data(patch.utf8).write(to: p)
        let r = try diff(["--patch", p.path, file.path], in: dir)
        XCTAssertEqual(r.status, 1, r.out + r.err)
        XCTAssertTrue(r.out.contains("aio.c: warning: the change adds "), r.out)
        let json = try diff(["--patch", p.path, file.path, "--format", "json"], in: dir)
        XCTAssertTrue(json.out.contains("\"before\" : 0"), json.out)
    }

    func testInAKernelTreeOnlyTheAioFilesAreReviewed() throws {
        let tree = try temporaryDirectory(self).appendingPathComponent("linux")
        try FileManager.default.createDirectory(
            at: tree.appendingPathComponent("fs"), withIntermediateDirectories: true)
        let base = try Data(contentsOf: URL(fileURLWithPath: fixture("base.c")))
        try base.write(to: tree.appendingPathComponent("fs/aio.c"))
        try base.write(to: tree.appendingPathComponent("fs/other.c"))
        let fix = try String(contentsOfFile: fixture("fix.patch"), encoding: .utf8)
        let parts = fix.components(separatedBy: "diff --git")
        XCTAssertEqual(parts.count, 2)
        let body = "diff --git" + parts[1]
        let both =
            body.replacingOccurrences(of: "base.c", with: "fs/aio.c")
            + body.replacingOccurrences(of: "base.c", with: "fs/other.c")
        let p = tree.deletingLastPathComponent().appendingPathComponent("both.patch")
        try Data(both.utf8).write(to: p)
        let r = try diff(["--patch", p.path, "--tree", tree.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("skipped fs/other.c: outside the aio subsystem"), r.out)
        XCTAssertTrue(r.out.contains("fs/aio.c: 0 introduced, 1 fixed"), r.out)
        XCTAssertFalse(r.out.contains("fs/other.c: 0 introduced"), r.out)
        XCTAssertTrue(r.out.contains("\n  fs/aio.c:91:2: error: "), "named as the patch names it: \(r.out)")
        // Named as FILE, another file is reviewed.
        let named = try diff(["--patch", p.path, tree.appendingPathComponent("fs/other.c").path])
        XCTAssertTrue(named.out.contains("other.c: 0 introduced, 1 fixed"), named.out)
    }

    func testRevisionsOfAKernelTreeLookAtTheAioFiles() throws {
        let repo = try temporaryDirectory(self).appendingPathComponent("linux")
        try FileManager.default.createDirectory(
            at: repo.appendingPathComponent("fs"), withIntermediateDirectories: true)
        func git(_ arguments: [String]) throws {
            let r = try runCommand(
                ["git", "-C", repo.path, "-c", "user.name=T", "-c", "user.email=t@e.org"] + arguments)
            XCTAssertEqual(r.status, 0, r.output)
        }
        try git(["init", "-q"])
        let fixed = try String(contentsOf: try fixedCopy(), encoding: .utf8)
        for name in ["fs/aio.c", "fs/other.c"] { try Data(fixed.utf8).write(to: repo.appendingPathComponent(name)) }
        try git(["add", "."])
        try git(["commit", "-q", "-m", "fixed"])
        let buggy = try Data(contentsOf: URL(fileURLWithPath: fixture("base.c")))
        for name in ["fs/aio.c", "fs/other.c"] { try buggy.write(to: repo.appendingPathComponent(name)) }
        try git(["commit", "-q", "-am", "bugs"])
        // From a subdirectory too: the aio files are named from the repository's top.
        let r = try diff(["HEAD~1", "HEAD"], in: repo.appendingPathComponent("fs"))
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.out.hasPrefix("fs/aio.c: 1 introduced, 0 fixed"), r.out)
        XCTAssertFalse(r.out.contains("other.c"), r.out)
        let named = try diff(["HEAD~1", "HEAD", "--", "fs/other.c"], in: repo)
        XCTAssertTrue(named.out.hasPrefix("fs/other.c: 1 introduced"), named.out)
    }

    func testAPatchFromASubdirectoryStartsAtTheRepositoryTop() throws {
        let repo = try temporaryDirectory(self).appendingPathComponent("linux")
        try FileManager.default.createDirectory(
            at: repo.appendingPathComponent("fs"), withIntermediateDirectories: true)
        XCTAssertEqual(try runCommand(["git", "-C", repo.path, "init", "-q"]).status, 0)
        try Data(contentsOf: URL(fileURLWithPath: fixture("base.c"))).write(to: repo.appendingPathComponent("fs/aio.c"))
        let fix = try Data(contentsOf: URL(fileURLWithPath: fixture("fix.patch")))
        let patch = Data(String(decoding: fix, as: UTF8.self).replacingOccurrences(of: "base.c", with: "fs/aio.c").utf8)
        let r = try diff(["--patch", "-"], in: repo.appendingPathComponent("fs"), input: patch)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("fs/aio.c: 0 introduced, 1 fixed"), r.out)
    }

    func testFixedFindingsRaiseNoAlertInSARIF() throws {
        let r = try diff(["--patch", fixture("fix.patch"), "--tree", review.path, "--format", "sarif"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let results = try XCTUnwrap((object["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 1)
        XCTAssertEqual(results[0]["kind"] as? String, "pass")
        XCTAssertEqual(results[0]["level"] as? String, "none")
        XCTAssertEqual(results[0]["baselineState"] as? String, "absent")
        try validateSARIF(r.out, in: self)
    }

    // MARK: Paths and lines as a CI expects them

    func testFilesAreNamedRelativeToTheRepository() throws {
        // The fixtures live in this repository: its top is where names start, in every format.
        for format in ["text", "json", "sarif", "github"] {
            // The series leaves a finding, which GitHub annotates too (it does not annotate fixed ones).
            let r = try diff(["--patch", fixture("series.mbox"), "--tree", review.path, "--format", format])
            XCTAssertTrue(r.out.contains("fixtures/review/base.c"), "\(format): \(r.out)")
            XCTAssertFalse(r.out.contains(Paths.repository.path + "/"), "\(format): \(r.out)")
        }
        // Outside any repository, relative to the working directory.
        let file = try fixedCopy()
        let r = try diff(["--patch", fixture("fix.patch"), "base.c"], in: file.deletingLastPathComponent())
        XCTAssertTrue(r.out.contains("\nbase.c: 0 introduced, 1 fixed"), r.out)
    }

    func testEachFindingCarriesTheLineOfItsSide() throws {
        // The file holds the fix; undone in memory, the put is on a line the file no longer has.
        let file = try fixedCopy()
        let r = try diff(["--patch", fixture("fix.patch"), "--applied", file.path, "--format", "json"])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let fixed = try XCTUnwrap(((json["files"] as? [[String: Any]])?.first?["fixed"] as? [[String: Any]])?.first)
        XCTAssertEqual(fixed["side"] as? String, "before")
        XCTAssertEqual(fixed["source"] as? String, "\tput_ctx(ctx);")
        let line = try XCTUnwrap(fixed["line"] as? Int)
        let onDisk = try String(contentsOf: file, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        XCTAssertNotEqual(String(onDisk[line - 1]), "\tput_ctx(ctx);", "the line is the before side's")
        // The text shows that line too, and SARIF gives it as the region's snippet.
        let text = try diff(["--patch", fixture("fix.patch"), "-R", file.path])
        XCTAssertTrue(text.out.contains(" | \tput_ctx(ctx);\n"), text.out)
        let sarif = try diff(["--patch", fixture("fix.patch"), "--applied", file.path, "--format", "sarif"]).out
        XCTAssertTrue(sarif.contains("\"snippet\" : {\n"), sarif)
        XCTAssertTrue(sarif.contains("\"side\" : \"before\""), sarif)
        try validateSARIF(sarif, in: self)
    }

    // MARK: diff says how it parsed

    func testDiffSaysHowEachSideWasParsed() throws {
        let r = try diff(["--patch", fixture("fix.patch"), "--tree", review.path, "-v"])
        XCTAssertTrue(
            r.err.contains("fixtures/review/base.c (before): parsed in standalone mode, 1 round, "), r.err)
        XCTAssertTrue(r.err.contains("fixtures/review/base.c (after): parsed in standalone mode, "), r.err)
        let json = try diff(["--patch", fixture("fix.patch"), "--tree", review.path, "--format", "json"])
        XCTAssertTrue(json.out.contains("\"mode\" : \"standalone\""), json.out)
        let sarif = try diff(["--patch", fixture("fix.patch"), "--tree", review.path, "--format", "sarif"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.out.utf8)) as? [String: Any])
        let run = try XCTUnwrap((object["runs"] as? [[String: Any]])?.first)
        let parsed = try XCTUnwrap((run["properties"] as? [String: Any])?["parsed"] as? [[String: Any]])
        XCTAssertEqual(parsed.compactMap { $0["side"] as? String }, ["before", "after"])
        XCTAssertEqual(Set(parsed.compactMap { $0["mode"] as? String }), ["standalone"])
        try validateSARIF(sarif.out, in: self)
    }

    func testFlagsAfterTheTerminatorReachTheParser() throws {
        // The put is compiled only with -DBUGGY: the flag decides whether the finding exists.
        let dir = try temporaryDirectory(self)
        let base = try String(contentsOfFile: fixture("base.c"), encoding: .utf8)
        let guarded = base.replacingOccurrences(
            of: "\tput_ctx(ctx);\n}", with: "#ifdef BUGGY\n\tput_ctx(ctx);\n#endif\n}")
        XCTAssertNotEqual(guarded, base)
        let file = dir.appendingPathComponent("aio.c")
        try Data(guarded.utf8).write(to: file)
        let firstLine = String(guarded.prefix { $0 != "\n" })
        let patch = "--- a/aio.c\n+++ b/aio.c\n@@ -1 +1,2 @@\n+/* a comment */\n \(firstLine)\n"
        let p = dir.appendingPathComponent("c.patch")
        try Data(patch.utf8).write(to: p)
        let plain = try diff(["--patch", p.path, file.path], in: dir)
        XCTAssertEqual(plain.status, 0, plain.err)
        XCTAssertFalse(plain.out.contains("[put-outside-pin]"), plain.out)
        let flagged = try diff(["--patch", p.path, file.path, "--", "-DBUGGY"], in: dir)
        XCTAssertEqual(flagged.status, 0, flagged.err)
        XCTAssertTrue(flagged.out.contains("error: put_ctx(ctx) may drop the last reference"), flagged.out)
    }

    // MARK: Baselines count

    func testABaselineCountsFindingsOfOneIdentity() throws {
        let f = Finding(
            rule: "put-outside-pin", severity: .error, file: "a.c", function: "f", line: 3, column: 2,
            message: "m", object: "ctx", statement: "put_ctx(ctx)", witness: [])
        var g = f
        g.line = 9
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("b.json").path
        try Baseline.write([f], to: path)
        let one = try Baseline.read(path)
        XCTAssertEqual(one, [Identity.of(f): 1])
        XCTAssertEqual(Baseline.filter([f, g], accepted: one).map(\.line), [9], "the second one is new")
        try Baseline.write([f, g], to: path)
        XCTAssertEqual(Baseline.filter([f, g], accepted: try Baseline.read(path)).count, 0)
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("\"count\" : 2"))
    }

    func testUpdatingABaselineKeepsWhatItAccepted() throws {
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("b.json").path
        XCTAssertEqual(try runTool(["check", fixture("base.c"), "--write-baseline", path]).status, 0)
        let again = try runTool(["check", fixture("base.c"), "--baseline", path, "--write-baseline", path])
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertTrue(again.err.contains("(1 finding)"), again.err)
        XCTAssertEqual(try Baseline.read(path).values.reduce(0, +), 1)
    }

    func testWritingABaselineSucceeds() throws {
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("b.json").path
        let check = try runTool(["check", "--standalone", fixture("base.c"), "--write-baseline", path])
        XCTAssertEqual(check.status, 0, check.err)
        XCTAssertTrue(check.out.contains("[put-outside-pin]"), "the findings are still shown")
        XCTAssertTrue(check.err.contains("wrote \(path) (1 finding)"), check.err)
        XCTAssertEqual(try runTool(["check", "--standalone", fixture("base.c"), "--baseline", path]).status, 0)
        let diffPath = dir.appendingPathComponent("d.json").path
        let d = try diff(["--patch", fixture("series.mbox"), "--tree", review.path, "--write-baseline", diffPath])
        XCTAssertEqual(d.status, 0, d.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: diffPath))
    }

    // MARK: An identity that survives a macro becoming a function

    func testAMacroBecomingAFunctionLeavesTheFindingUnchanged() throws {
        let r = try diff([
            "--patch", fixture("macro-to-function.patch"), fixture("macro-to-function/before.c"), "--format", "json",
        ])
        XCTAssertEqual(r.status, 0, r.out)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let file = try XCTUnwrap((json["files"] as? [[String: Any]])?.first)
        XCTAssertEqual((file["introduced"] as? [Any])?.count, 0)
        XCTAssertEqual((file["fixed"] as? [Any])?.count, 0)
        let unchanged = try XCTUnwrap(file["unchanged"] as? [[String: Any]])
        XCTAssertEqual(unchanged.compactMap { $0["statement"] as? String }, ["put_ioctx(ctx)"])
        // Each side alone: the statement is the text written at the finding, not the expansion.
        let before = FileCheck(
            unit: try Parser.parse(ParseRequest(path: fixture("macro-to-function/before.c"), standalone: true)))
        XCTAssertEqual(before.findings.map(\.statement), ["put_ioctx(ctx)"])
        XCTAssertTrue(before.findings[0].message.hasPrefix("atomic_dec_and_test(&ctx->users)"), "what it does")
    }

    func testASeverityChangeAloneIsUnchanged() throws {
        let r = try diff(["--patch", fixture("header-to-file.patch"), fixture("header-to-file/before.c")])
        XCTAssertEqual(r.status, 0, r.out)
        XCTAssertTrue(r.out.contains(": 0 introduced, 0 fixed, 1 unchanged\nunchanged (now an error):\n"), r.out)
        let json = try diff([
            "--patch", fixture("header-to-file.patch"), fixture("header-to-file/before.c"), "--format", "json",
        ])
        XCTAssertTrue(json.out.contains("\"previousSeverity\" : \"warning\""), json.out)
        let back = try diff(["--patch", fixture("header-to-file.patch"), "-R", fixture("header-to-file/after.c")])
        XCTAssertTrue(back.out.contains("unchanged (now a warning):"), back.out)
    }

    func testWrittenStatementsAreReadFromTheSource() {
        let lines = Lines.of("\tput_ioctx(\n\t\tctx);\n\treturn -EINVAL;\n")
        XCTAssertEqual(
            WrittenStatement.at(line: 1, column: 2, in: lines, printed: "atomic_dec_and_test(&ctx->users)"),
            "put_ioctx(ctx)")
        XCTAssertEqual(WrittenStatement.at(line: 1, column: 2, in: lines, printed: "put_ioctx(ctx)"), "put_ioctx(ctx)")
        XCTAssertEqual(WrittenStatement.at(line: 3, column: 2, in: lines, printed: "return-EINVAL"), "return-EINVAL")
        XCTAssertEqual(WrittenStatement.at(line: 9, column: 1, in: lines, printed: "x"), "x", "no such line")
        XCTAssertEqual(WrittenStatement.firstColumn(line: 2, in: lines), 3)
    }
}
