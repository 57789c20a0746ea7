import Foundation
import XCTest

@testable import AIOAudit

/// Kernel-tree mode on the fake tree in fixtures/kernel-tree: real compile flags from
/// compile_commands.json, and primitives that are macros there recognised by name.
final class KernelTreeTests: XCTestCase {
    /// A copy of the fake tree with a compile database naming its absolute paths.
    func makeTree() throws -> URL {
        let dir = try temporaryDirectory(self).appendingPathComponent("linux")
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("kernel-tree"), to: dir)
        let entry: [String: Any] = [
            "directory": dir.path, "file": "fs/aio.c",
            "command":
                "clang -Wp,-MMD,fs/.aio.o.d -nostdinc -I./include -D__KERNEL__ -std=gnu11 -Werror -O2 -mindirect-branch=thunk-extern -c -o fs/aio.o fs/aio.c",
        ]
        let data = try JSONSerialization.data(withJSONObject: [entry], options: [.prettyPrinted])
        try data.write(to: dir.appendingPathComponent("compile_commands.json"))
        return dir
    }

    func testCompileDatabaseIsFoundUpwardAndMacrosAreReadByName() throws {
        let tree = try makeTree()
        let unit = try Parser.parse(
            ParseRequest(path: tree.appendingPathComponent("fs/aio.c").path, cacheDirectory: testPreambleCache))
        XCTAssertEqual(unit.mode, .kernelTree)
        XCTAssertEqual(unit.errors, [])
        // Dependency-file and GCC-only flags are dropped; paths resolve in the entry's directory.
        XCTAssertFalse(unit.compileArguments.contains { $0.hasPrefix("-Wp,") || $0.hasPrefix("-mindirect-branch") })
        XCTAssertTrue(unit.compileArguments.contains("-working-directory=\(tree.path)"))
        let file = FileGraphs(unit: unit)
        let complete = try XCTUnwrap(file.graphs.first { $0.function == "complete_request" })
        XCTAssertEqual(
            complete.trace([.call, .lock, .unlock, .rcuReadLock, .rcuReadUnlock, .decrement]),
            [
                "rcu-read-lock", "lock ctx->ctx_lock", "decrement", "unlock ctx->ctx_lock", "rcu-read-unlock",
                "call put_ioctx(ctx)",
            ])
        let lock = try XCTUnwrap(complete.allEvents.first { $0.kind == .lock })
        XCTAssertEqual(lock.lockKind, LockKind(.spinlock, .irqsave))
        XCTAssertEqual(lock.callee, "spin_lock_irqsave")
        // Nothing was written into the tree (no dependency file from -Wp,-MMD).
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.appendingPathComponent("fs/.aio.o.d").path))
        let take = try XCTUnwrap(file.graphs.first { $0.function == "take" })
        XCTAssertEqual(take.trace(), ["call get_ioctx(ctx)"])
    }

    func testExplicitCompileDatabaseDirectory() throws {
        let tree = try makeTree()
        let elsewhere = try temporaryDirectory(self).appendingPathComponent("aio.c")
        try FileManager.default.copyItem(at: tree.appendingPathComponent("fs/aio.c"), to: elsewhere)
        // -p names a database that has no entry for this file: an input error, not a silent fallback.
        XCTAssertThrowsError(try Parser.parse(ParseRequest(path: elsewhere.path, compileDatabaseDirectory: tree.path)))
        {
            XCTAssertTrue("\($0)".contains("is not in the compile database"), "\($0)")
        }
        let unit = try Parser.parse(
            ParseRequest(
                path: tree.appendingPathComponent("fs/aio.c").path, compileDatabaseDirectory: tree.path,
                cacheDirectory: testPreambleCache))
        XCTAssertEqual(unit.mode, .kernelTree)
    }

    /// libclang's -working-directory= moves the whole process into the tree: relative paths given
    /// after a kernel-tree file (another FILE, --write-baseline) must still resolve where the
    /// command was run, and nothing may land in the tree.
    func testRelativePathsAfterATreeFileResolveWhereTheCommandRan() throws {
        let tree = try makeTree()
        let work = try temporaryDirectory(self)
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: Paths.fixture("aio_sample.c")), to: work.appendingPathComponent("sample.c"))
        let r = try runTool(
            ["check", tree.appendingPathComponent("fs/aio.c").path, "sample.c", "--write-baseline", "bl.json"], in: work
        )
        XCTAssertNotEqual(r.status, 2, r.err)
        XCTAssertTrue(r.out.contains("sample.c:"), r.out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("bl.json").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.appendingPathComponent("bl.json").path))
        // Checked at once (-j), the relative files are read while the tree file's parse has the
        // process in the tree: they still resolve where the command ran.
        var many = [tree.appendingPathComponent("fs/aio.c").path]
        for i in 1...6 {
            try FileManager.default.copyItem(
                at: work.appendingPathComponent("sample.c"), to: work.appendingPathComponent("sample\(i).c"))
            many += ["sample\(i).c", tree.appendingPathComponent("fs/aio.c").path]
        }
        let parallel = try runTool(["check", "-j", "4"] + many, in: work)
        XCTAssertNotEqual(parallel.status, 2, parallel.err)
        XCTAssertFalse(parallel.err.contains("no such file"), parallel.err)
    }

    func testStandaloneFlagOverridesTheTree() throws {
        let tree = try makeTree()
        let unit = try Parser.parse(ParseRequest(path: tree.appendingPathComponent("fs/aio.c").path, standalone: true))
        XCTAssertEqual(unit.mode, .standalone)
    }

    func testUnreadableCompileDatabaseIsAnInputError() throws {
        let dir = try temporaryDirectory(self)
        try Data("{ not json".utf8).write(to: dir.appendingPathComponent("compile_commands.json"))
        let file = dir.appendingPathComponent("aio.c")
        try Data("int f(void) { return 0; }\n".utf8).write(to: file)
        XCTAssertThrowsError(try Parser.parse(ParseRequest(path: file.path))) { error in
            XCTAssertTrue("\(error)".contains("compile_commands.json: is not a valid compile database"), "\(error)")
        }
    }

    /// Debian's 6.1 tree configured by scripts/kernel-tree.sh, when it is there.
    func testConfiguredDebianTreeWhenPresent() throws {
        let cache = try configuredKernelTree()
        let file = cache + "/fs/aio.c"
        let unit = try Parser.parse(ParseRequest(path: file, cacheDirectory: testPreambleCache))
        XCTAssertEqual(unit.mode, .kernelTree)
        XCTAssertEqual(unit.errors, [])
        let graphs = FileGraphs(unit: unit).graphs
        XCTAssertGreaterThan(graphs.count, 50)
        XCTAssertTrue(graphs.contains { $0.function == "sys_io_submit" })
        XCTAssertTrue(graphs.allSatisfy { !$0.blocks.isEmpty })
    }

    // MARK: The preamble cache

    func findings(_ c: FileCheck) -> [String] {
        c.findings.map {
            "\($0.rule) \($0.function) \($0.line):\($0.column) \($0.message) \($0.witness.map { "\($0.line):\($0.column)" })"
        }
    }

    /// The same findings, positions included, from a miss, a hit and no cache; a corrupt entry
    /// and a stale one (a header changed since) are parsed around and rebuilt.
    func testThePreambleCacheChangesNothingButTheTime() throws {
        let tree = try makeTree()
        let cache = try temporaryDirectory(self).appendingPathComponent("pch").path
        let path = tree.appendingPathComponent("fs/aio.c").path
        func run(_ useCache: Bool = true) throws -> (FileCheck, String?) {
            let unit = try Parser.parse(ParseRequest(path: path, useCache: useCache, cacheDirectory: cache))
            return (FileCheck(unit: unit), unit.cacheNote)
        }
        let (plain, none) = try run(false)
        XCTAssertNil(none)
        let (miss, built) = try run()
        XCTAssertTrue(built?.hasPrefix("preamble cache miss: built ") == true, built ?? "")
        let (hit, used) = try run()
        XCTAssertTrue(used?.hasPrefix("preamble cache hit") == true, used ?? "")
        // The fake tree's file has no finding: its flow graphs, macros read by name, say it all.
        XCTAssertEqual(
            GraphReport.render(FileGraphs(unit: hit.unit), as: .json),
            GraphReport.render(FileGraphs(unit: plain.unit), as: .json))
        XCTAssertTrue(GraphReport.render(FileGraphs(unit: hit.unit), as: .text).contains("lock ctx->ctx_lock"))
        XCTAssertEqual(findings(miss), findings(plain))
        XCTAssertEqual(findings(hit), findings(plain))
        XCTAssertEqual(FileGraphs(unit: hit.unit).graphs.count, FileGraphs(unit: plain.unit).graphs.count)
        // Nothing is written into the tree.
        XCTAssertFalse(
            try FileManager.default.contentsOfDirectory(atPath: tree.appendingPathComponent("fs").path).contains {
                $0.contains("aio-audit")
            })
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".pch") }
        XCTAssertEqual(entries.count, 1)
        let entry = cache + "/" + entries[0]
        // Corrupt: garbage where the entry was.
        try Data("not a precompiled header".utf8).write(to: URL(fileURLWithPath: entry))
        let (corrupt, said) = try run()
        XCTAssertTrue(said?.contains("stale or unreadable") == true, said ?? "")
        XCTAssertEqual(findings(corrupt), findings(plain))
        let (_, rebuilt) = try run()
        XCTAssertTrue(rebuilt?.hasPrefix("preamble cache miss") == true, rebuilt ?? "")
        // Stale: a header the preamble includes changed after the entry was built.
        let header = tree.appendingPathComponent("include/linux/rcupdate.h").path
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(3600)], ofItemAtPath: header)
        let (stale, why) = try run()
        XCTAssertTrue(why?.contains("stale or unreadable") == true, why ?? "")
        XCTAssertEqual(findings(stale), findings(plain))
        let (_, again) = try run()
        XCTAssertTrue(again?.hasPrefix("preamble cache miss") == true, again ?? "")
    }

    func testAnUnwritableCacheMeansNoCache() throws {
        let tree = try makeTree()
        let unit = try Parser.parse(
            ParseRequest(path: tree.appendingPathComponent("fs/aio.c").path, cacheDirectory: "/proc/aio-audit-pch"))
        XCTAssertTrue(unit.cacheNote?.contains("no writable cache directory") == true, unit.cacheNote ?? "")
        XCTAssertEqual(unit.errors, [])
    }

    func testThePreambleIsTheIncludesBeforeTheFirstDeclaration() {
        let text = "/* c */\n#include <a.h>\n#include \"b.h\"\n#define X 1\n\nint x;\n#include <c.h>\n"
        XCTAssertEqual(PreambleCache.preambleLines(of: text), 3)
        XCTAssertEqual(PreambleCache.blanked(text, lines: 3), "\n\n\n#define X 1\n\nint x;\n#include <c.h>\n")
        XCTAssertNil(PreambleCache.preambleLines(of: "int x;\n#include <a.h>\n"))
        XCTAssertEqual(PreambleCache.preamble(text, lines: 3), "/* c */\n#include <a.h>\n#include \"b.h\"\n")
        XCTAssertEqual(PreambleCache.preamble("#include <a.h>", lines: 1), "#include <a.h>\n")
        XCTAssertEqual(Array(LineSequence(text: "a\n\nb")), ["a", "", "b"])
        XCTAssertEqual(PreambleCache.key(["a", "b"]), PreambleCache.key(["a", "b"]))
        XCTAssertNotEqual(PreambleCache.key(["a", "b"]), PreambleCache.key(["ab"]))
    }

    /// Debian's 6.1 tree, when it is there: with and without the cache, byte for byte.
    func testTheCacheInTheConfiguredDebianTreeWhenPresent() throws {
        let tree = try configuredKernelTree()
        let cache = try temporaryDirectory(self).appendingPathComponent("pch").path
        let path = tree + "/fs/aio.c"
        let plain = FileCheck(unit: try Parser.parse(ParseRequest(path: path, useCache: false)))
        _ = try Parser.parse(ParseRequest(path: path, cacheDirectory: cache))
        let warm = try Parser.parse(ParseRequest(path: path, cacheDirectory: cache))
        XCTAssertTrue(warm.cacheNote?.hasPrefix("preamble cache hit") == true, warm.cacheNote ?? "")
        XCTAssertEqual(FindingsReport.json([FileCheck(unit: warm)]), FindingsReport.json([plain]))
        XCTAssertEqual(
            GraphReport.render(FileGraphs(unit: warm), as: .json),
            GraphReport.render(FileGraphs(unit: plain.unit), as: .json))
    }

    /// A full disk while an entry is saved (a file-size limit makes every write past 32 KiB fail,
    /// as ENOSPC would; the fixture's entry is about 220 KiB): nothing partial is left in the
    /// cache, the check says so with -v and reports what it reports without the cache.
    func testAFullDiskLeavesNoPartialEntry() throws {
        let tree = try makeTree()
        let home = try temporaryDirectory(self).appendingPathComponent("cache")
        let env = ["XDG_CACHE_HOME": home.path]
        let limited = try runCommand(
            ["sh", "-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" check -v fs/aio.c", Paths.tool.path], in: tree,
            environment: env)
        let plain = try runCommand(
            [Paths.tool.path, "check", "-v", "--no-cache", "fs/aio.c"], in: tree, environment: env)
        XCTAssertTrue(limited.output.contains("preamble cache: could not build an entry"), limited.output)
        XCTAssertEqual(limited.status, plain.status)
        func findings(_ output: String) -> [Substring] {
            output.split(separator: "\n").filter { !$0.contains("preamble cache") }
        }
        XCTAssertEqual(findings(limited.output), findings(plain.output))
        let pch = home.appendingPathComponent("aio-audit/pch").path
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: pch), [])
        // A build directory that a killed run left two hours ago is swept by the next build; one
        // of a run still going (fresh) is not.
        let abandoned = pch + "/.building-abc123"
        let running = pch + "/.building-def456"
        for dir in [abandoned, running] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data(count: 4096).write(to: URL(fileURLWithPath: dir + "/entry.pch-1a2b3c4d"))
        }
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: abandoned)
        // With room again, the next run builds the entry.
        let again = try runCommand([Paths.tool.path, "check", "-v", "fs/aio.c"], in: tree, environment: env)
        XCTAssertTrue(again.output.contains("preamble cache miss: built"), again.output)
        let left = try FileManager.default.contentsOfDirectory(atPath: pch)
        XCTAssertEqual(left.filter { $0.hasSuffix(".pch") }.count, 1, "\(left)")
        XCTAssertEqual(left.filter { $0.hasPrefix(".building-") }, [".building-def456"])
    }

    /// `aio-audit cache` lists the entries of the cache directory; `--clear` removes them.
    func testTheCacheCommandListsAndClears() throws {
        let home = try temporaryDirectory(self)
        let env = ["XDG_CACHE_HOME": home.path]
        let empty = try runCommand([Paths.tool.path, "cache"], environment: env)
        XCTAssertEqual(empty.status, 0)
        XCTAssertTrue(empty.output.hasSuffix("aio-audit/pch: 0 entries, 0.0 MiB\n"), empty.output)
        try Data(count: 2048).write(to: home.appendingPathComponent("aio-audit/pch/0123abcd.pch"))
        let one = try runCommand([Paths.tool.path, "cache"], environment: env)
        XCTAssertTrue(one.output.contains("1 entry") && one.output.contains("0123abcd.pch  2 KiB"), one.output)
        let cleared = try runCommand([Paths.tool.path, "cache", "--clear"], environment: env)
        XCTAssertEqual(cleared.status, 0)
        XCTAssertTrue(cleared.output.hasSuffix("removed 1 entry\n"), cleared.output)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("aio-audit/pch").path), [])
    }
}
