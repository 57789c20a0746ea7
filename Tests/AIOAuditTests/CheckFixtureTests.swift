import Foundation
import XCTest

@testable import AIOAudit

/// The fixture runner for findings: every C fixture is checked both ways. A line annotated
/// `expect: RULE` (or `expect: RULE warning`) must be reported with that rule and severity, and
/// nothing else may be reported; a fixture without annotations asserts that nothing is. As with
/// clang's -verify, an annotation may also state text: `{{words}}` must occur in the finding's
/// message, `{{note: words}}` in one of its witness notes.
final class CheckFixtureTests: XCTestCase {
    static func fixtures() throws -> [String] {
        var paths: [String] = []
        for dir in ["", "check", "graph"] {
            let url = Paths.fixtures.appendingPathComponent(dir)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            where name.hasSuffix(".c") {
                paths.append(url.appendingPathComponent(name).path)
            }
        }
        return paths
    }

    static func expectations(in source: String) -> Set<String> {
        var expected: Set<String> = []
        for (i, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let r = line.range(of: "/* expect: ") else { continue }
            let words = line[r.upperBound...].split(separator: " ").map(String.init)
            guard let rule = words.first else { continue }
            let severity = words.count > 1 && words[1] == "warning" ? "warning" : "error"
            expected.insert("\(i + 1): \(rule) \(severity)")
        }
        return expected
    }

    /// line -> the `{{...}}` texts its annotation states.
    static func statedTexts(in source: String) -> [Int: [String]] {
        var texts: [Int: [String]] = [:]
        for (i, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let r = line.range(of: "/* expect: ") else { continue }
            var rest = line[r.upperBound...]
            while let open = rest.range(of: "{{"),
                let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex)
            {
                texts[i + 1, default: []].append(String(rest[open.upperBound..<close.lowerBound]))
                rest = rest[close.upperBound...]
            }
        }
        return texts
    }

    func testEveryFixtureReportsExactlyWhatItsAnnotationsSay() throws {
        let fixtures = try Self.fixtures()
        XCTAssertGreaterThan(fixtures.count, 15)
        var annotated = 0
        for path in fixtures {
            let unit = try Parser.parse(ParseRequest(path: path, standalone: true))
            let check = FileCheck(unit: unit)
            let actual = Set(check.findings.map { "\($0.line): \($0.rule) \($0.severity.rawValue)" })
            let expected = Self.expectations(in: unit.source)
            if !expected.isEmpty { annotated += 1 }
            XCTAssertEqual(
                actual.sorted(), expected.sorted(), "\((path as NSString).lastPathComponent): reported vs annotated")
            XCTAssertTrue(check.notAnalysed.isEmpty, "\(path): \(check.notAnalysed)")
            for (line, texts) in Self.statedTexts(in: unit.source) {
                let here = check.findings.filter { $0.line == line }
                for text in texts {
                    let stated: Bool
                    if text.hasPrefix("note: ") {
                        let words = String(text.dropFirst("note: ".count))
                        stated = here.contains { $0.witness.contains { $0.message.contains(words) } }
                    } else {
                        stated = here.contains { $0.message.contains(text) }
                    }
                    XCTAssertTrue(
                        stated, "\((path as NSString).lastPathComponent):\(line): no finding says {{\(text)}}")
                }
            }
            for f in check.findings {
                XCTAssertFalse(f.witness.isEmpty, "\(path):\(f.line): a finding without a witness")
            }
        }
        XCTAssertGreaterThanOrEqual(annotated, 3)
    }

    func testWitnessOfTheAsynchronousFinalPut() throws {
        let check = FileCheck(
            unit: try Parser.parse(ParseRequest(path: Paths.fixture("check/lifetime.c"), standalone: true)))
        let f = try XCTUnwrap(check.findings.first { $0.rule == PutOutsidePin.id && $0.function == "final_put_work" })
        let lines = f.witness.map(\.line)
        // Registration, the request-pin release, the lock drop, the put, the release, its effect.
        XCTAssertEqual(
            f.witness.first?.message.contains("DECLARE_WORK(final_put, final_put_work)"), true, "\(f.witness)")
        XCTAssertTrue(
            f.witness.contains { $0.message.contains("drop_request(ctx, req) drops the request's pin on ctx") })
        XCTAssertTrue(f.witness.contains { $0.message.contains("release_ctx() calls vm_munmap()") })
        XCTAssertTrue(f.message.contains("work item"))
        XCTAssertTrue(f.message.contains("vm_munmap"))
        XCTAssertEqual(lines.filter { $0 == f.line }.count, 1)
    }

    func testIdentityIgnoresLinesAndWhitespace() {
        let a = Finding(
            rule: "r", severity: .error, file: "f", function: "fn", line: 10, column: 2, message: "m", object: "ctx",
            statement: Normalise.statement("put_ioctx( ctx )"), witness: [])
        var b = a
        b.line = 99
        b.statement = Normalise.statement("put_ioctx(ctx)")
        XCTAssertEqual(Identity.of(a), Identity.of(b))
        b.object = "other"
        XCTAssertNotEqual(Identity.of(a), Identity.of(b))
    }
}

/// A function whose paths exceed the engine's visit budget is reported as not analysed, and the
/// rest of the file still is.
final class BudgetTests: XCTestCase {
    func testAFunctionOverTheBudgetIsNamedNotSkipped() throws {
        let dir = try temporaryDirectory(self)
        let file = dir.appendingPathComponent("paths.c")
        var body = ""
        for i in 0..<12 {
            body += "\tif (flags & \(1 << i))\n\t\tget_ctx(ctx);\n\telse\n\t\tctx->nr++;\n"
        }
        let text = """
            #include <linux/slab.h>
            struct ctx { atomic_t users; int nr; };
            static void get_ctx(struct ctx *ctx) { atomic_inc(&ctx->users); }
            static void put_ctx(struct ctx *ctx) { if (atomic_dec_and_test(&ctx->users)) kfree(ctx); }
            void explode(struct ctx *ctx, int flags)
            {
            \(body)\tput_ctx(ctx);
            }

            """
        try Data(text.utf8).write(to: file)
        let unit = try Pipeline.parse(ParseRequest(path: file.path, standalone: true))
        let model = Pipeline.model(Pipeline.graphs(unit).graphs, of: unit)
        XCTAssertEqual(Pipeline.analyse(model, of: unit).notAnalysed.map(\.function), [])
        let result = Pipeline.analyse(model, of: unit, budget: 40)
        XCTAssertEqual(result.notAnalysed.map(\.function), ["explode"])
        XCTAssertNotNil(result.summaries["get_ctx"], "the other functions are still analysed")
        let text2 = FindingsReport.text(
            [FileCheck(unit: unit)].map {
                var c = $0
                c.notAnalysed = result.notAnalysed
                return c
            }, colour: false)
        XCTAssertTrue(text2.contains("explode() not analysed: too many paths"), text2)
    }
}
