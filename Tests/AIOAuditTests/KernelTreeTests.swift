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
        let unit = try Parser.parse(ParseRequest(path: tree.appendingPathComponent("fs/aio.c").path))
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
            ParseRequest(path: tree.appendingPathComponent("fs/aio.c").path, compileDatabaseDirectory: tree.path))
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
        let cache =
            ProcessInfo.processInfo.environment["AIO_AUDIT_KERNEL_TREE"]
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(
                ".cache/aio-audit/linux-source-6.1"
            ).path
        let file = cache + "/fs/aio.c"
        guard FileManager.default.fileExists(atPath: cache + "/compile_commands.json") else {
            throw XCTSkip("no configured kernel tree at \(cache) (scripts/kernel-tree.sh makes one)")
        }
        let unit = try Parser.parse(ParseRequest(path: file))
        XCTAssertEqual(unit.mode, .kernelTree)
        XCTAssertEqual(unit.errors, [])
        let graphs = FileGraphs(unit: unit).graphs
        XCTAssertGreaterThan(graphs.count, 50)
        XCTAssertTrue(graphs.contains { $0.function == "sys_io_submit" })
        XCTAssertTrue(graphs.allSatisfy { !$0.blocks.isEmpty })
    }
}
