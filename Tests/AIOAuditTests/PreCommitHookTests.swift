import Foundation
import XCTest

@testable import AIOAudit

/// The pre-commit hook: fast where the commit does not touch the aio files, the tool on PATH,
/// only what the commit introduces.
final class PreCommitHookTests: XCTestCase {
    func git(_ arguments: [String], in dir: URL, environment: [String: String] = [:]) throws -> (Int32, String) {
        try runCommand(
            ["git", "-C", dir.path, "-c", "user.name=T", "-c", "user.email=t@example.org"] + arguments,
            environment: environment)
    }

    func testTheHookLooksAtTheAioFilesWithTheToolOnPath() throws {
        let repo = try temporaryDirectory(self).appendingPathComponent("linux")
        try FileManager.default.createDirectory(
            at: repo.appendingPathComponent("fs"), withIntermediateDirectories: true)
        _ = try git(["init", "-q", "-b", "main"], in: repo)
        let review = Paths.fixtures.appendingPathComponent("review")
        let buggy = try String(contentsOf: review.appendingPathComponent("base.c"), encoding: .utf8)
        let fixed = try Patch.parse(
            try String(contentsOf: review.appendingPathComponent("fix.patch"), encoding: .utf8), name: "fix"
        ).files[0].apply(to: buggy)
        let aio = repo.appendingPathComponent("fs/aio.c")
        try Data(fixed.utf8).write(to: aio)
        try Data(buggy.utf8).write(to: repo.appendingPathComponent("fs/other.c"))
        _ = try git(["add", "."], in: repo)
        XCTAssertEqual(try git(["commit", "-q", "-m", "start"], in: repo).0, 0)
        let install = try runTool(["hook", "install"], in: repo)
        XCTAssertEqual(install.status, 0, install.err)
        let script = try String(contentsOf: repo.appendingPathComponent(".git/hooks/pre-commit"), encoding: .utf8)
        XCTAssertTrue(script.contains("command -v aio-audit"), script)
        XCTAssertTrue(script.contains("git commit --no-verify"), script)

        // A stand-in on PATH that records that it ran: the hook prefers it to the installing binary.
        let bin = try temporaryDirectory(self)
        let marker = bin.appendingPathComponent("ran")
        let standIn = bin.appendingPathComponent("aio-audit")
        try Data("#!/bin/sh\necho \"$@\" > '\(marker.path)'\nexit 0\n".utf8).write(to: standIn)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: standIn.path)
        let path = ["PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]

        // A commit elsewhere in the tree (even a C file with a bug): the tool is not started.
        try Data((buggy + "\n/* more */\n").utf8).write(to: repo.appendingPathComponent("fs/other.c"))
        _ = try git(["add", "fs/other.c"], in: repo)
        XCTAssertEqual(try git(["commit", "-q", "-m", "other"], in: repo, environment: path).0, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "no aio file staged: no tool run")

        // fs/aio.c staged: the tool on PATH runs, on the aio files.
        try Data((fixed + "\n/* a comment */\n").utf8).write(to: aio)
        _ = try git(["add", "fs/aio.c"], in: repo)
        XCTAssertEqual(try git(["commit", "-q", "-m", "comment"], in: repo, environment: path).0, 0)
        let ran = try String(contentsOf: marker, encoding: .utf8)
        XCTAssertTrue(ran.hasPrefix("diff --staged --hook -- fs/aio.c include/linux/aio.h"), ran)

        // Without the stand-in the installing binary runs: a bug blocks the commit, and the hook
        // says only what the commit introduces, in one summary line, with how to bypass it.
        try Data(buggy.utf8).write(to: aio)
        _ = try git(["add", "fs/aio.c"], in: repo)
        let (status, said) = try git(["commit", "-q", "-m", "bug"], in: repo, environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertNotEqual(status, 0, said)
        XCTAssertTrue(said.contains("[put-outside-pin]"), said)
        XCTAssertTrue(
            said.contains(
                "aio-audit: the commit introduces 1 error and 0 warnings in fs/aio.c; commit blocked (git commit --no-verify skips this check)"
            ), said)
        XCTAssertFalse(said.contains("unchanged"), said)
        XCTAssertFalse(said.contains("fs/aio.c: 1 introduced"), said)

        // Configured to look elsewhere, it ignores fs/aio.c.
        _ = try git(["config", "aio-audit.paths", "fs/other.c"], in: repo)
        XCTAssertEqual(try git(["commit", "-q", "-m", "bug"], in: repo, environment: ["PATH": "/usr/bin:/bin"]).0, 0)
    }

    func testThePreCommitFrameworkHookLooksAtTheAioFiles() throws {
        let yaml = try String(
            contentsOf: Paths.repository.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        XCTAssertTrue(yaml.contains("entry: aio-audit diff --staged --hook --"), yaml)
        XCTAssertTrue(yaml.contains("files: ^(fs/aio\\.c|"), yaml)
        XCTAssertTrue(yaml.contains("language: swift"), yaml)
    }
}
