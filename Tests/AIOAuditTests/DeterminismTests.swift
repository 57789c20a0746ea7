import Foundation
import XCTest

@testable import AIOAudit

/// The same input gives the same bytes: every run of the tool (a new process, so a new hashing
/// seed for Swift's dictionaries and sets), every order of the files given to `check`, and `diff`,
/// which checks "before" and "after" on two threads.
final class DeterminismTests: XCTestCase {
    static let runs = 3

    /// Runs the tool `runs` times; every run must end with the same status, standard output and
    /// standard error. Returns the first run.
    @discardableResult
    func assertSameEveryRun(
        _ arguments: [String], in directory: URL? = nil, statuses: Set<Int32> = [0, 1], file: StaticString = #filePath,
        line: UInt = #line
    ) throws -> (status: Int32, out: String, err: String) {
        let first = try runTool(arguments, in: directory)
        XCTAssertTrue(
            statuses.contains(first.status), "\(arguments): status \(first.status): \(first.err)", file: file,
            line: line)
        for run in 2...Self.runs {
            let again = try runTool(arguments, in: directory)
            XCTAssertEqual(again.status, first.status, "\(arguments): status of run \(run)", file: file, line: line)
            XCTAssertEqual(again.out, first.out, "\(arguments): standard output of run \(run)", file: file, line: line)
            XCTAssertEqual(again.err, first.err, "\(arguments): standard error of run \(run)", file: file, line: line)
        }
        return first
    }

    static let lifetime = Paths.fixture("check/lifetime.c")
    static let sample = Paths.fixture("aio_sample.c")

    func testCheckIsByteIdenticalAcrossRuns() throws {
        for format in ["text", "json", "sarif", "github"] {
            let r = try assertSameEveryRun(["check", "--standalone", "--format", format, Self.lifetime, Self.sample])
            XCTAssertEqual(r.status, 1, format)
            XCTAssertTrue(r.out.contains("put-outside-pin"), "\(format): \(r.out)")
        }
    }

    func testGraphIsByteIdenticalAcrossRuns() throws {
        for format in ["json", "dot", "text"] {
            for file in [Self.lifetime, Self.sample] {
                let r = try assertSameEveryRun(["graph", "--standalone", "--format", format, file], statuses: [0])
                XCTAssertFalse(r.out.isEmpty, "\(format) \(file)")
            }
        }
    }

    func testFactsAreByteIdenticalAcrossRuns() throws {
        for format in ["json", "text"] {
            try assertSameEveryRun(["facts", "--standalone", "--format", format, Self.lifetime], statuses: [0])
        }
    }

    /// Before and after are parsed and checked on two threads; the report does not depend on
    /// which finishes first.
    func testDiffIsByteIdenticalAcrossRuns() throws {
        let review = Paths.fixtures.appendingPathComponent("review")
        let base = review.appendingPathComponent("base.c").path
        func patch(_ name: String) -> String { review.appendingPathComponent(name).path }
        // Every format for a patch that introduces a finding; JSON for the other kinds of patch.
        let introducing = ["--patch", patch("bug.patch"), "--applied", base]
        var cases = ["text", "json", "sarif", "github"].map { (format: $0, arguments: introducing) }
        for arguments in [
            ["--patch", patch("bug.patch"), "-R", base], ["--patch", patch("fix.patch")],
            ["--patch", patch("multi.patch")], ["--patch", patch("series.mbox")],
        ] {
            cases.append((format: "json", arguments: arguments))
        }
        for (format, arguments) in cases {
            let r = try assertSameEveryRun(["diff", "--standalone", "--format", format] + arguments, in: review)
            XCTAssertFalse(r.out.isEmpty, "\(format) \(arguments)")
        }
    }

    /// `check A B` reports A then B, as compilers do, and each file's report is exactly what
    /// `check A` alone prints: whatever the order, no file's findings depend on another's.
    /// Files checked at once (-j) print what a serial run prints, byte for byte, in the order
    /// given: findings, -v notes and the error for a file that is not there.
    func testParallelChecksPrintWhatASerialCheckPrints() throws {
        let files = [
            "check/lock_order.c", "check/lifetime.c", "check/no_such_file.c", "check/ref_leak.c",
            "check/sleep_in_atomic.c", "check/rcu_accessor.c",
        ].map(Paths.fixture)
        for format in ["text", "json", "sarif"] {
            let serial = try runTool(["check", "-v", "-j", "1", "--format", format] + files)
            XCTAssertEqual(serial.status, 2, serial.err)
            XCTAssertTrue(serial.err.contains("no_such_file.c"), serial.err)
            for jobs in ["2", "4", "16"] {
                let parallel = try runTool(["check", "-v", "-j", jobs, "--format", format] + files)
                XCTAssertEqual(parallel.status, serial.status)
                XCTAssertEqual(parallel.out, serial.out, "\(format) -j \(jobs)")
                XCTAssertEqual(parallel.err, serial.err, "\(format) -j \(jobs)")
            }
        }
        XCTAssertEqual(try runTool(["check", "-j", "0", files[0]]).status, 2)
        // As make takes it: -j2.
        let joined = try runTool(["check", "-v", "-j2"] + files)
        XCTAssertEqual(joined.out, try runTool(["check", "-v", "-j", "1"] + files).out)
    }

    func testEachFileIsReportedAsIfAloneWhateverTheOrder() throws {
        let (a, b) = (Self.lifetime, Self.sample)
        func check(_ format: String, _ files: String...) throws -> (status: Int32, out: String, err: String) {
            try runTool(["check", "--standalone", "--format", format] + files)
        }
        // Text: the reports, one after the other; the summary counts both.
        let (textA, textB) = (try check("text", a), try check("text", b))
        let (textAB, textBA) = (try check("text", a, b), try check("text", b, a))
        XCTAssertFalse(textA.out.isEmpty)
        XCTAssertFalse(textB.out.isEmpty)
        XCTAssertEqual(textAB.out, textA.out + textB.out)
        XCTAssertEqual(textBA.out, textB.out + textA.out)
        XCTAssertEqual(textAB.status, textBA.status)
        XCTAssertEqual(textAB.err, textBA.err)
        XCTAssertTrue(textAB.err.hasSuffix(" generated.\n"), textAB.err)

        // JSON: one entry per file, each the one the file gets alone.
        func entries(_ json: String, _ key: String) throws -> [String] {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let list: [Any]
            if key == "results" {
                let runs = try XCTUnwrap(object["runs"] as? [[String: Any]])
                XCTAssertEqual(runs.count, 1)
                list = try XCTUnwrap(runs.first?["results"] as? [Any])
            } else {
                list = try XCTUnwrap(object[key] as? [Any])
            }
            return try list.map {
                String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
            }
        }
        for (format, key) in [("json", "files"), ("sarif", "results")] {
            let (alone, other) = (try entries(check(format, a).out, key), try entries(check(format, b).out, key))
            XCTAssertFalse(alone.isEmpty, format)
            XCTAssertEqual(try entries(check(format, a, b).out, key), alone + other, format)
            XCTAssertEqual(try entries(check(format, b, a).out, key), other + alone, format)
        }
    }

    /// A real file, when the corpus is beside the repository: more functions, more findings, more
    /// chances for an order that comes from a hash.
    func testCorpusFileIsByteIdenticalAcrossRuns() throws {
        let before = try Paths.corpusFile("seed/aio-seed-before.c")
        let patch = try Paths.corpusFile("seed/seed.patch")
        let release = try Paths.corpusFile("releases/release-3.13.10.c")
        for format in ["text", "sarif"] {
            try assertSameEveryRun(["check", "--standalone", "--format", format, before, release])
            try assertSameEveryRun(["diff", "--standalone", "--format", format, "--patch", patch, before])
        }
        try assertSameEveryRun(["graph", "--standalone", "--format", "json", release], statuses: [0])
    }

    /// Kernel-tree mode on the configured Debian tree, when it is there.
    func testKernelTreeCheckIsByteIdenticalAcrossRunsWhenPresent() throws {
        let tree = try configuredKernelTree()
        try assertSameEveryRun(["check", "--format", "json", "fs/aio.c"], in: URL(fileURLWithPath: tree))
    }
}
