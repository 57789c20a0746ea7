import Foundation
import XCTest

@testable import AIOAudit

/// Variations of the seed files made at test time (the corpus stays out of the repository): the
/// findings must follow the code, not the names or lines of the original.
final class VariationTests: XCTestCase {
    func check(_ text: String) throws -> FileCheck {
        let dir = try temporaryDirectory(self)
        let file = dir.appendingPathComponent("aio.c")
        try Data(text.utf8).write(to: file)
        return FileCheck(unit: try Parser.parse(ParseRequest(path: file.path, standalone: true)))
    }

    func seed(_ name: String) throws -> String {
        try String(contentsOfFile: try Paths.corpusFile("seed/\(name)"), encoding: .utf8)
    }

    func summary(_ c: FileCheck) -> [String] {
        c.findings.map { "\($0.function) \($0.rule) \($0.severity.rawValue) \($0.statement)" }
    }

    func testRenamedWorkItemRegisteredWithINIT_WORK() throws {
        var s = try seed("aio-seed-before.c").replacingOccurrences(of: "aio_fput_routine", with: "deferred_put_fn")
        s = s.replacingOccurrences(
            of: "static DECLARE_WORK(fput_work, deferred_put_fn);", with: "static struct work_struct fput_work;")
        s = s.replacingOccurrences(
            of: "static int __init aio_setup(void)\n{",
            with: "static int __init aio_setup(void)\n{\n\tINIT_WORK(&fput_work, deferred_put_fn);")
        XCTAssertEqual(summary(try check(s)), ["deferred_put_fn put-outside-pin error put_ioctx(ctx)"])
    }

    func testTheFixWithThePutKeptStillReportsIt() throws {
        let s = try seed("aio-seed-after.c")
        let start = try XCTUnwrap(s.range(of: "static void aio_fput_routine(struct work_struct *data)"))
        let unlock = try XCTUnwrap(s.range(of: "rcu_read_unlock();", range: start.upperBound..<s.endIndex))
        let variant = s.replacingCharacters(in: unlock, with: "rcu_read_unlock();\n\t\tput_ioctx(ctx);")
        XCTAssertEqual(summary(try check(variant)), ["aio_fput_routine put-outside-pin error put_ioctx(ctx)"])
    }

    func testHeaderEraRolesComeFromTheProfileAsAWarning() throws {
        let s = try seed("aio-seed-before.c")
        let from = try XCTUnwrap(s.range(of: "static inline void get_ioctx(struct kioctx *kioctx)"))
        let to = try XCTUnwrap(s.range(of: "/* ioctx_alloc"))
        let removed = String(s[from.lowerBound..<to.lowerBound])
        let blank = String(repeating: "\n", count: removed.filter { $0 == "\n" }.count)
        let c = try check(s.replacingCharacters(in: from.lowerBound..<to.lowerBound, with: blank))
        XCTAssertEqual(c.model.profile.profile.name, "aio-2.6-3.9-header-refcounts")
        XCTAssertEqual(summary(c), ["aio_fput_routine put-outside-pin warning put_ioctx(ctx)"])
    }

    func testPutWrittenAsAMacroOfTheFile() throws {
        let s = try seed("aio-seed-before.c").replacingOccurrences(
            of: "static inline void put_ioctx(struct kioctx *kioctx)",
            with:
                "#define put_ioctx(k) do { if (atomic_dec_and_test(&(k)->users)) __put_ioctx(k); } while (0)\nstatic inline void unused_put(struct kioctx *kioctx)"
        )
        let c = try check(s)
        XCTAssertEqual(c.findings.map { "\($0.function) \($0.rule)" }, ["aio_fput_routine put-outside-pin"])
    }

    func testReformattingKeepsTheIdentity() throws {
        let original = try check(try seed("aio-seed-before.c"))
        let reformatted = try check(
            try seed("aio-seed-before.c").replacingOccurrences(
                of: "\t\tput_ioctx(ctx);", with: "\n\n\t\tput_ioctx( ctx );"))
        XCTAssertEqual(original.findings.map(Identity.of), reformatted.findings.map(Identity.of))
        XCTAssertNotEqual(original.findings.first?.line, reformatted.findings.first?.line)
    }
}
