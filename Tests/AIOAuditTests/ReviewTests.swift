import Foundation
import XCTest

@testable import AIOAudit

/// Reviews of a change: patches applied in memory, git revisions, the pre-commit hook, CI formats.
final class ReviewTests: XCTestCase {
    let review = Paths.fixtures.appendingPathComponent("review")

    func diff(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        try runTool(["diff"] + arguments, in: directory)
    }

    // MARK: Patches

    func testMailedFixIsReportedFixed() throws {
        let r = try diff(["--patch", review.appendingPathComponent("fix.patch").path, "--tree", review.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("base.c: 0 introduced, 1 fixed, 0 unchanged"), r.out)
    }

    func testAppliedPatchCanBeUndoneAndRevertedPatchIntroduces() throws {
        let base = review.appendingPathComponent("base.c").path
        let undone = try diff(["--patch", review.appendingPathComponent("bug.patch").path, "--applied", base])
        XCTAssertEqual(undone.status, 1)
        XCTAssertTrue(undone.out.contains("1 introduced, 0 fixed"), undone.out)
        let reverted = try diff(["--patch", review.appendingPathComponent("bug.patch").path, "-R", base])
        XCTAssertEqual(reverted.status, 0)
        XCTAssertTrue(reverted.out.contains("0 introduced, 1 fixed"), reverted.out)
    }

    func testSeriesIsAppliedInOrder() throws {
        // As a whole the series leaves the finding; its second message introduces it again.
        let r = try diff(["--patch", review.appendingPathComponent("series.mbox").path, "--tree", review.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.out.contains("as a whole: 0 introduced, 0 fixed, 1 unchanged"), r.out)
    }

    func testNewDeletedRenamedBinaryAndOtherFiles() throws {
        func run(_ name: String) throws -> (Int32, String) {
            let r = try diff(["--patch", review.appendingPathComponent(name).path, "--tree", review.path])
            return (r.status, r.out)
        }
        let new = try run("new-file.patch")
        XCTAssertEqual(new.0, 1)
        XCTAssertTrue(new.1.contains("new.c: 1 introduced, 0 fixed, 0 unchanged"), new.1)
        XCTAssertTrue(try run("deleted.patch").1.contains("base.c: 0 introduced, 1 fixed"))
        XCTAssertTrue(try run("rename.patch").1.contains("renamed.c: 0 introduced, 1 fixed"))
        let binary = try run("binary.patch")
        XCTAssertEqual(binary.0, 0)
        XCTAssertTrue(binary.1.contains("skipped blob.c: binary patch"), binary.1)
        XCTAssertTrue(try run("multi.patch").1.contains("skipped README.txt: not a C file"))
    }

    func testBadPatchesAreInputErrors() throws {
        for (name, message) in [
            ("malformed.patch", "is not a patch"), ("truncated.patch", "is truncated"),
            ("mismatch.patch", "hunk 1 (@@ -85,9 +85,10 @@) does not apply"),
        ] {
            let r = try diff(["--patch", review.appendingPathComponent(name).path, "--tree", review.path])
            XCTAssertEqual(r.status, 2, name)
            XCTAssertTrue(r.err.contains(message), "\(name): \(r.err)")
            XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
        }
        XCTAssertEqual(try diff(["--patch", "/nonexistent.patch"]).status, 2)
        XCTAssertEqual(
            try diff(["--patch", review.appendingPathComponent("fix.patch").path, "/nonexistent.c"]).status, 2)
    }

    func testPatchApplicationReproducesTheOtherSide() throws {
        let text = try String(contentsOf: review.appendingPathComponent("fix.patch"), encoding: .utf8)
        let patch = try Patch.parse(text, name: "fix.patch")
        XCTAssertEqual(patch.files.count, 1)
        let base = try String(contentsOf: review.appendingPathComponent("base.c"), encoding: .utf8)
        let fixed = try patch.files[0].apply(to: base)
        XCTAssertTrue(fixed.contains("\trcu_read_unlock();\n}"))
        XCTAssertEqual(try patch.files[0].apply(to: fixed, reverse: true), base)
    }

    func testSeedPatchFixesThePutOutsidePin() throws {
        let seed = try Paths.corpusFile("seed/seed.patch")
        let before = try Paths.corpusFile("seed/aio-seed-before.c")
        let after = try Paths.corpusFile("seed/aio-seed-after.c")
        let text = try String(contentsOfFile: seed, encoding: .utf8)
        let applied = try Patch.parse(text, name: "seed").files[0].apply(
            to: try String(contentsOfFile: before, encoding: .utf8))
        XCTAssertEqual(
            applied, try String(contentsOfFile: after, encoding: .utf8), "the patch reproduces the after-file")
        let r = try diff(["--patch", seed, before])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.contains("0 introduced, 1 fixed, 0 unchanged"), r.out)
        XCTAssertTrue(try diff(["--patch", seed, "--applied", after]).out.contains("0 introduced, 1 fixed"))
        let backwards = try diff(["--patch", seed, "-R", after])
        XCTAssertEqual(backwards.status, 1)
        XCTAssertTrue(backwards.out.contains("1 introduced, 0 fixed"))
    }

    // MARK: Formats

    func testSARIFOfADiffCarriesBaselineStatesAndValidates() throws {
        let r = try diff([
            "--patch", review.appendingPathComponent("series.mbox").path, "--tree", review.path, "--format", "sarif",
        ])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let results = try XCTUnwrap((object["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        XCTAssertEqual(results.compactMap { $0["baselineState"] as? String }, ["unchanged"])
        let fixed = try diff([
            "--patch", review.appendingPathComponent("fix.patch").path, "--tree", review.path, "--format", "sarif",
        ])
        XCTAssertTrue(fixed.out.contains("\"baselineState\" : \"absent\""), fixed.out)
        try validateSARIF(fixed.out, in: self)
    }

    func testGitHubAnnotationsAreEscaped() {
        XCTAssertEqual(ReviewReport.data("50% done\r\nnext"), "50%25 done%0D%0Anext")
        XCTAssertEqual(ReviewReport.property("a:b,c%"), "a%3Ab%2Cc%25")
        let f = Finding(
            rule: "put-outside-pin", severity: .error, file: "fs/a,b.c", function: "f", line: 3, column: 2,
            message: "m: 100%\nsecond", object: "ctx", statement: "put(ctx)", witness: [])
        let text = ReviewReport.github([
            FileReview(path: "x", before: nil, after: nil, findings: [ReviewedFinding(finding: f, change: .introduced)])
        ])
        XCTAssertEqual(
            text,
            "::error file=fs/a%2Cb.c,line=3,col=2,title=aio-audit put-outside-pin (introduced)::m: 100%25%0Asecond%0A\n"
        )
    }

    // MARK: Suppressions and baselines

    func testSuppressionNeedsAReasonAndBaselineAcceptsFindings() throws {
        let dir = try temporaryDirectory(self)
        let base = try String(contentsOf: review.appendingPathComponent("base.c"), encoding: .utf8)
        let file = dir.appendingPathComponent("s.c")
        try Data(
            base.replacingOccurrences(
                of: "\tput_ctx(ctx);\n}",
                with: "\t/* aio-audit: ignore put-outside-pin the request holds a reference here */\n\tput_ctx(ctx);\n}"
            ).utf8
        ).write(to: file)
        XCTAssertEqual(try runTool(["check", "--standalone", file.path]).status, 0)
        try Data(
            base.replacingOccurrences(
                of: "\tput_ctx(ctx);\n}", with: "\tput_ctx(ctx); /* aio-audit: ignore put-outside-pin */\n}"
            ).utf8
        ).write(to: file)
        let unexplained = try runTool(["check", "--standalone", file.path])
        XCTAssertTrue(unexplained.out.contains("[suppression-without-reason]"), unexplained.out)
        let baseline = dir.appendingPathComponent("baseline.json").path
        XCTAssertEqual(
            try runTool([
                "check", "--standalone", review.appendingPathComponent("base.c").path, "--write-baseline", baseline,
            ]).status, 0)
        let accepted = try runTool([
            "check", "--standalone", review.appendingPathComponent("base.c").path, "--baseline", baseline,
        ])
        XCTAssertEqual(accepted.status, 0, accepted.out)
        XCTAssertEqual(accepted.out, "")
        XCTAssertEqual(
            try runTool(["check", review.appendingPathComponent("base.c").path, "--baseline", "/nonexistent.json"])
                .status, 2)
    }

    // MARK: Identity

    func testReformattingAndReorderingIntroduceNothing() throws {
        let dir = try temporaryDirectory(self)
        let source = try String(contentsOf: Paths.fixtures.appendingPathComponent("check/lifetime.c"), encoding: .utf8)
        // Move one function to the end, and indent with spaces instead of tabs.
        let start = try XCTUnwrap(source.range(of: "/* The fix: no reference at all"))
        let end = try XCTUnwrap(source.range(of: "/* The fix without RCU"))
        let moved = String(source[start.lowerBound..<end.lowerBound])
        var reformatted = source.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "") + "\n" + moved
        reformatted = reformatted.replacingOccurrences(of: "\t", with: "        ")
        let before = try Parser.parse(
            ParseRequest(path: dir.appendingPathComponent("a.c").path, contents: source, standalone: true))
        let after = try Parser.parse(
            ParseRequest(path: dir.appendingPathComponent("a.c").path, contents: reformatted, standalone: true))
        let classes = Review.classify(before: FileCheck(unit: before).findings, after: FileCheck(unit: after).findings)
        XCTAssertEqual(Set(classes.map(\.change)), [.unchanged])
        XCTAssertEqual(classes.count, 9)
    }

    // MARK: Git

    func git(_ arguments: [String], in dir: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", dir.path, "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "git \(arguments)")
    }

    func makeRepository() throws -> URL {
        let dir = try temporaryDirectory(self).appendingPathComponent("linux")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("fs"), withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], in: dir)
        return dir
    }

    /// The review fixture's base file (which has the bug) and the same with fix.patch applied.
    func buggyAndFixed() throws -> (Data, String) {
        let buggy = try Data(contentsOf: review.appendingPathComponent("base.c"))
        let text = try String(contentsOf: review.appendingPathComponent("fix.patch"), encoding: .utf8)
        return (
            buggy,
            try Patch.parse(text, name: "fix").files[0].apply(to: String(decoding: buggy, as: UTF8.self))
        )
    }

    func testRevisionsOfAGitTree() throws {
        let repo = try makeRepository()
        let file = repo.appendingPathComponent("fs/aio.c")
        let (buggy, fixed) = try buggyAndFixed()
        try Data(fixed.utf8).write(to: file)
        try Data("notes\n".utf8).write(to: repo.appendingPathComponent("NOTES"))
        try git(["add", "."], in: repo)
        try git(["commit", "-q", "-m", "fixed"], in: repo)
        try buggy.write(to: file)
        try Data("more notes\n".utf8).write(to: repo.appendingPathComponent("NOTES"))
        try git(["commit", "-q", "-am", "bug"], in: repo)
        let introduced = try diff(["HEAD~1", "HEAD"], in: repo)
        XCTAssertEqual(introduced.status, 1, introduced.err)
        XCTAssertTrue(introduced.out.contains("fs/aio.c: 1 introduced, 0 fixed, 0 unchanged"), introduced.out)
        let back = try diff(["HEAD", "HEAD~1", "--format", "json"], in: repo)
        XCTAssertEqual(back.status, 0)
        XCTAssertTrue(back.out.contains("\"fixed\" : ["), back.out)
        let limited = try diff(["HEAD~1", "HEAD", "--", "NOTES"], in: repo)
        XCTAssertEqual(limited.status, 0)
        XCTAssertFalse(limited.out.contains("fs/aio.c"))
        let missing = try diff(["no-such-revision"], in: repo)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("no-such-revision: is not a commit"), missing.err)
        XCTAssertEqual(try diff(["HEAD"], in: FileManager.default.temporaryDirectory).status, 2)
    }

    func testPreCommitHookBlocksAnIntroducedFinding() throws {
        let repo = try makeRepository()
        let file = repo.appendingPathComponent("fs/aio.c")
        let (buggy, fixed) = try buggyAndFixed()
        try Data(fixed.utf8).write(to: file)
        try git(["add", "."], in: repo)
        try git(["commit", "-q", "-m", "fixed"], in: repo)

        let install = try runTool(["hook", "install"], in: repo)
        XCTAssertEqual(install.status, 0, install.err)
        let hook = repo.appendingPathComponent(".git/hooks/pre-commit")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hook.path))
        XCTAssertEqual(try runTool(["hook", "install"], in: repo).status, 2, "an existing hook is not replaced")
        XCTAssertEqual(try runTool(["hook", "install", "--force"], in: repo).status, 0)

        try buggy.write(to: file)
        try git(["add", "fs/aio.c"], in: repo)
        let (status, said) = try runCommand([
            "git", "-C", repo.path, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "bug",
        ])
        XCTAssertNotEqual(status, 0, "the hook blocks the commit")
        XCTAssertTrue(said.contains("put-outside-pin"), said)

        try Data(fixed.utf8).write(to: file)
        try git(["add", "fs/aio.c"], in: repo)
        try Data((fixed + "\n/* a harmless change */\n").utf8).write(to: file)
        try git(["add", "fs/aio.c"], in: repo)
        try git(["commit", "-q", "-m", "harmless"], in: repo)
    }
}
