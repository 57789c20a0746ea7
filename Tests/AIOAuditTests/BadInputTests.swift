import Foundation
import XCTest

@testable import AIOAudit

/// SPEC section 5: every bad input ends in one clear line naming it, exit status 2, no crash.
final class BadInputTests: XCTestCase {
    func assertInputError(_ path: String, contains fragment: String, file: StaticString = #filePath, line: UInt = #line)
    {
        XCTAssertThrowsError(try Parser.parse(ParseRequest(path: path, standalone: true)), file: file, line: line) {
            error in
            guard let input = error as? InputError else {
                return XCTFail("not an input error: \(error)", file: file, line: line)
            }
            XCTAssertTrue(input.description.contains(fragment), "\(input)", file: file, line: line)
            XCTAssertFalse(input.description.contains("\n"), "more than one line: \(input)", file: file, line: line)
        }
    }

    func testMissingFile() {
        assertInputError("/nonexistent/aio.c", contains: "/nonexistent/aio.c: no such file")
    }

    func testDirectory() throws {
        let dir = try temporaryDirectory(self)
        assertInputError(dir.path, contains: "is a directory")
    }

    func testEmptyFile() throws {
        let f = try temporaryDirectory(self).appendingPathComponent("empty.c")
        try Data().write(to: f)
        assertInputError(f.path, contains: "empty.c: is empty")
    }

    func testAnEmptyStreamIsEmptyAndAPipeIsRead() throws {
        // /dev/null reads as nothing: empty, as a file with nothing in it is.
        assertInputError("/dev/null", contains: "/dev/null: is empty")
        // A named pipe (what `check <(git show HEAD:fs/aio.c)` is given) is read to its end.
        let fifo = try temporaryDirectory(self).appendingPathComponent("aio.c").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let source = try String(contentsOfFile: Paths.fixture("aio_sample.c"), encoding: .utf8)
        let writer = Thread {
            if let h = FileHandle(forWritingAtPath: fifo) {
                h.write(Data(source.utf8))
                try? h.close()
            }
        }
        writer.start()
        let unit = try Parser.parse(ParseRequest(path: fifo, standalone: true))
        XCTAssertFalse(unit.functions.isEmpty)
    }

    func testBinaryFile() throws {
        let f = try temporaryDirectory(self).appendingPathComponent("random.c")
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]
        try Data(bytes).write(to: f)
        assertInputError(f.path, contains: "random.c: is a binary file")
    }

    func testNotUTF8() throws {
        let f = try temporaryDirectory(self).appendingPathComponent("latin1.c")
        try Data([0x69, 0x6E, 0x74, 0x20, 0xE9, 0xE8, 0x3B, 0x0A]).write(to: f)
        assertInputError(f.path, contains: "is not UTF-8 text")
    }

    func testOversizedFile() throws {
        let f = try temporaryDirectory(self).appendingPathComponent("huge.c")
        let line = Data("int x_padding_line_for_a_huge_input_file;\n".utf8)
        var data = Data()
        while data.count <= Parser.maximumFileSize { data.append(line) }
        try data.write(to: f)
        assertInputError(f.path, contains: "files over 16 MiB are not analysed")
    }

    func testProseIsNotC() {
        assertInputError(Paths.fixture("bad/prose.c"), contains: "does not parse as C")
    }

    func testDeepParenthesesNesting() throws {
        let f = try temporaryDirectory(self).appendingPathComponent("deep.c")
        let n = 100_000
        try Data(
            ("int f(int x) { return " + String(repeating: "(", count: n) + "x" + String(repeating: ")", count: n)
                + "; }\n").utf8
        ).write(to: f)
        assertInputError(f.path, contains: "nests too deeply to parse")
    }

    func testDeepStatementNesting() throws {
        // No brackets, so clang's bracket limit does not stop it: the frontend's own limit does.
        let f = try temporaryDirectory(self).appendingPathComponent("deep_if.c")
        let n = 100_000
        try Data(("int f(int x) {\n" + String(repeating: "if (x) ", count: n) + "x++;\nreturn x; }\n").utf8).write(
            to: f)
        assertInputError(f.path, contains: "nests deeper than 1000 levels")
    }

    func testDeepLoopChainIsRefusedBeforeParsing() throws {
        // Found by the mutation fuzzer: libclang parses `while (x) while (x) ...` in time quadratic
        // in its depth (40,000 levels took over 15 s, and a minute on a busy machine); it is refused
        // before libclang sees it, as the syntax walk would refuse it after.
        let f = try temporaryDirectory(self).appendingPathComponent("deep_while.c")
        let n = 40_000
        try Data(
            ("int f(int x)\n{\n\t/* a comment */\n" + String(repeating: "while (x) ", count: n) + "x--;\nreturn x; }\n")
                .utf8
        ).write(to: f)
        let start = Date()
        assertInputError(f.path, contains: "deep_while.c: 4: a statement nests deeper than 1000 levels")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testDeeplyNestedIterationMacrosEndQuickly() throws {
        // Found by the mutation fuzzer: each iteration macro's arguments were looked for in the
        // whole loop, body included, so 2,282 nested list_for_each_entry() ran for over 5 minutes.
        let f = try temporaryDirectory(self).appendingPathComponent("nested_macro.c")
        func file(_ n: Int) -> String {
            "struct item {\n\tint v;\n\tstruct list_head node;\n};\n\nint walk(struct list_head *head)\n{\n"
                + "\tstruct item *it;\n\tint n = 0;\n\n"
                + String(repeating: "\tlist_for_each_entry(it, head, node)\n", count: n)
                + "\t\tn += it->v;\n\treturn n;\n}\n"
        }
        try Data(file(2_500).utf8).write(to: f)
        let start = Date()
        assertInputError(f.path, contains: "nested_macro.c: 1009: function 'walk' nests deeper than 1000 levels")
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        // Shallower, the loops are read with their arguments.
        try Data(file(300).utf8).write(to: f)
        let g = try graph("walk", in: f.path)
        let headers = g.allEvents.filter { $0.kind == .call && $0.callee == "list_for_each_entry" }
        XCTAssertEqual(headers.count, 300)
        XCTAssertTrue(headers.allSatisfy { $0.arguments?.map(\.text) == ["it", "head", "node"] })
    }

    func testStatementKeywordsOutsideCodeAndShortChainsAreNotRefused() throws {
        // Keywords in comments, strings and directives do not nest anything; an `else if` chain
        // shallower than the limit (two keywords a level) parses.
        let f = try temporaryDirectory(self).appendingPathComponent("keywords.c")
        let words = String(repeating: "if while for do ", count: 1000)
        let chain = (1...600).map { "if (x == \($0)) x++; else " }.joined()
        try Data(
            """
            /* \(words) */
            // \(words)
            #define WORDS \(words)
            static const char *s = "\(words)";
            int f(int x)
            {
            \t\(chain)x--;
            \treturn x;
            }

            """.utf8
        ).write(to: f)
        let unit = try Parser.parse(ParseRequest(path: f.path, standalone: true))
        XCTAssertEqual(unit.functions.map(\.name), ["f"])
    }

    func testIncludeOfADirectoryName() throws {
        // Found by mutating fixtures: an in-memory header named like a directory crashed libclang.
        let f = try temporaryDirectory(self).appendingPathComponent("include_dir.c")
        try Data("#include <linux/>ernel.h>\nint f(void) { return 0; }\n".utf8).write(to: f)
        // The include is not answered; the rest parses, and the error is reported, not hidden.
        let unit = try Parser.parse(ParseRequest(path: f.path, standalone: true))
        XCTAssertEqual(unit.functions.map(\.name), ["f"])
        XCTAssertTrue(unit.errors.contains { $0.message.contains("file not found") }, "\(unit.errors)")
    }

    func testUnknownFunction() throws {
        let file = try graphs(of: Paths.fixture("aio_sample.c"))
        XCTAssertThrowsError(try file.selecting(function: "no_such_function")) { error in
            XCTAssertTrue("\(error)".contains("no function named 'no_such_function'"), "\(error)")
        }
    }

    func testTruncatedFunctionStillGraphsTheRest() throws {
        // A file cut off in the middle of a function: the complete functions still get graphs, and
        // the parse errors are reported rather than hidden.
        let text = try String(contentsOfFile: Paths.fixture("aio_sample.c"), encoding: .utf8)
        let cut = text.range(of: "static void deferred_fput")!.upperBound
        let f = try temporaryDirectory(self).appendingPathComponent("truncated.c")
        try Data((String(text[..<cut]) + "(struct work_struct *work)\n{\n\tspin_lock_irq(&pending_lock);\n").utf8)
            .write(to: f)
        let unit = try Parser.parse(ParseRequest(path: f.path, standalone: true))
        XCTAssertFalse(unit.errors.isEmpty)
        XCTAssertTrue(unit.functions.contains { $0.name == "put_ioctx" })
    }
}

/// The command-line tool's exit statuses and messages.
final class CommandLineTests: XCTestCase {
    func testGraphOfAFunctionAsJSON() throws {
        let r = try runTool(["graph", Paths.fixture("aio_sample.c"), "--function", "put_ioctx", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("\"function\" : \"put_ioctx\""))
        XCTAssertEqual(r.err, "")
    }

    func testBadInputsExitWithStatus2AndOneLine() throws {
        let dir = try temporaryDirectory(self)
        let empty = dir.appendingPathComponent("empty.c")
        try Data().write(to: empty)
        for args in [
            ["graph", "/nonexistent.c"], ["graph", dir.path], ["graph", empty.path],
            ["graph", Paths.fixture("aio_sample.c"), "--function", "nope"],
            ["graph", Paths.fixture("bad/prose.c")],
        ] {
            let r = try runTool(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.err)")
            XCTAssertEqual(r.out, "", "\(args)")
            XCTAssertTrue(r.err.hasPrefix("aio-audit: error: "), "\(args): \(r.err)")
            XCTAssertEqual(r.err.split(separator: "\n").count, 1, "\(args): \(r.err)")
        }
    }

    func testUsageErrorsExitWithStatus2() throws {
        XCTAssertEqual(try runTool(["graph"]).status, 2)
        XCTAssertEqual(try runTool(["graph", Paths.fixture("aio_sample.c"), "--format", "xml"]).status, 2)
        XCTAssertEqual(try runTool(["no-such-command"]).status, 2)
    }

    func testVerboseSaysHowTheFileWasParsed() throws {
        let r = try runTool(["graph", Paths.fixture("aio_sample.c"), "--verbose", "--standalone"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("parsed in standalone mode"), r.err)
    }
}
