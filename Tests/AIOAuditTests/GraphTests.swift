import Foundation
import XCTest

@testable import AIOAudit

/// Targeted assertions on graph shapes and events, beside the exact expected renderings.
final class GraphTests: XCTestCase {
    func testRCUFieldsAreReadFromStructBodiesOnTheirBytes() {
        let text = """
            struct table {
            \tunsigned nr;
            \tstruct ctx __rcu *slot[];
            };
            struct mm { struct table __rcu *table; int x; };
            struct outer { struct { int a; } in; void __rcu *hidden; };
            int __rcu *not_in_a_struct;
            struct notrcu { int my__rcu *p; };
            """
        let fields = FileModel.declaredRCUFields(in: text).map { "\($0.type).\($0.field):\($0.line):\($0.isArray)" }
        // A body with braces inside it is not read (as the declaration could be anything).
        XCTAssertEqual(fields, ["table.slot:3:true", "mm.table:5:false"])
        XCTAssertTrue(FileModel.declaredRCUFields(in: "struct s { int *p; };").isEmpty)
    }

    func testWorkItemLoopHasItsEventsInOrderAndABackEdge() throws {
        let g = try graph("deferred_fput", in: Paths.fixture("aio_sample.c"))
        XCTAssertEqual(
            g.trace(),
            [
                "lock pending_lock", "call list_empty(&pending)",
                "call list_first_entry(&pending, struct request, list)",
                "call list_del(&req->list)", "unlock pending_lock", "call fput(req->filp)", "lock ctx->ctx_lock",
                "call drop_request(ctx, req)", "unlock ctx->ctx_lock", "call put_ioctx(ctx)", "lock pending_lock",
                "unlock pending_lock",
            ])
        let header = try XCTUnwrap(g.blocks.first { $0.role == .loopHeader })
        let backEdges = g.blocks.flatMap { b in b.successors.filter { $0.back }.map { (b.id, $0.target) } }
        XCTAssertEqual(backEdges.count, 1)
        XCTAssertEqual(backEdges.first?.1, header.id)
        XCTAssertEqual(header.successors.map(\.label), [.true, .false])
        let kinds = g.allEvents.filter { $0.kind == .lock || $0.kind == .unlock }.map { $0.lockKind }
        XCTAssertEqual(Set(kinds), [LockKind(.spinlock, .irq)])
    }

    func testNegatedCallConditionBranchesOnTheCallWithEdgesSwapped() throws {
        let g = try graph("both", in: Paths.fixture("graph/short_circuit.c"))
        let entry = g.blocks[g.entry]
        XCTAssertEqual(entry.condition, "try_get(o)")
        XCTAssertEqual(entry.events.last?.callee, "try_get")
        let onTrue = try XCTUnwrap(entry.successors.first { $0.label == .true })
        let onFalse = try XCTUnwrap(entry.successors.first { $0.label == .false })
        // Failure to get the reference returns; success goes on to the && test.
        XCTAssertEqual(g.blocks[onFalse.target].events.first?.kind, .return)
        XCTAssertEqual(g.blocks[onTrue.target].events.first?.callee, "ready")
    }

    func testAccessPathsAreCanonicalThroughAliases() throws {
        let touch = try graph("touch", in: Paths.fixture("graph/aliases.c"))
        let locks = touch.allEvents.filter { $0.kind == .lock || $0.kind == .unlock }.map { $0.path?.description }
        XCTAssertEqual(Array(locks), ["ctx->lock", "ctx->lock"])
        XCTAssertEqual(touch.allEvents.first { $0.kind == .increment }?.path?.description, "ctx->n")
        // Once ctx holds something else, req->ctx is no longer ctx.
        let reassigned = try graph("reassigned", in: Paths.fixture("graph/aliases.c"))
        let paths = reassigned.allEvents.filter { $0.kind == .lock || $0.kind == .unlock }.map { $0.path?.description }
        XCTAssertEqual(Array(paths), ["req->ctx->lock", "req->ctx->lock"])
    }

    func testLockKindsAndMacroWrittenPrimitives() throws {
        let g = try graph("kinds", in: Paths.fixture("graph/lock_kinds.c"))
        let locks = g.allEvents.filter { $0.kind == .lock || $0.kind == .unlock }
        XCTAssertEqual(
            locks.map { "\($0.kind.rawValue) \($0.lockKind!.word) \($0.path!)" },
            [
                "lock spin d->lock", "unlock spin d->lock", "lock irq d->lock", "unlock irq d->lock",
                "lock irqsave d->lock", "unlock irqsave d->lock", "lock bh d->lock", "unlock bh d->lock",
                "lock mutex d->m", "unlock mutex d->m", "lock rwsem d->sem", "unlock rwsem d->sem",
                "lock trylock d->lock", "unlock spin d->lock",
            ])
        // A macro the file defines itself is code of the file: read as what it expands to (the lock
        // above), not as an opaque call of the macro.
        XCTAssertFalse(g.allEvents.contains { $0.callee == "dev_lock_irqsave" })
    }

    func testNoreturnCallsEndTheirBlocks() throws {
        let g = try graph("check", in: Paths.fixture("graph/noreturn.c"))
        let dead = g.blocks.filter { $0.role == .noreturn }
        XCTAssertEqual(dead.map { $0.events.last?.callee ?? "" }.sorted(), ["BUG", "die_here", "panic"])
        XCTAssertTrue(dead.allSatisfy { $0.successors.isEmpty })
    }

    func testReturnOutcomes() throws {
        let file = try graphs(of: Paths.fixture("graph/returns.c"))
        func outcomes(_ f: String) -> [String] {
            file.graphs.first { $0.function == f }!.allEvents.filter { $0.kind == .return }.map { $0.outcome!.rawValue }
        }
        XCTAssertEqual(outcomes("zero_or_errno"), ["failure", "unknown", "success"])
        XCTAssertEqual(outcomes("lookup"), ["failure", "failure", "unknown"])
        XCTAssertEqual(outcomes("nothing"), ["success"])
    }

    func testIterationMacroIsALoopNamedByTheMacro() throws {
        let g = try graph("find", in: Paths.fixture("graph/iteration.c"))
        let header = try XCTUnwrap(g.blocks.first { $0.role == .loopHeader })
        XCTAssertEqual(header.name, "hlist_for_each_entry_rcu")
        XCTAssertEqual(header.events.last?.arguments?.map(\.text), ["it", "&t->bucket", "hnode"])
        XCTAssertTrue(g.blocks.contains { b in b.successors.contains { $0.back && $0.target == header.id } })
        XCTAssertEqual(
            g.trace([.rcuReadLock, .rcuReadUnlock]), ["rcu-read-lock", "rcu-read-unlock", "rcu-read-unlock"])
    }

    func testSwitchEdges() throws {
        let g = try graph("dispatch", in: Paths.fixture("graph/switch.c"))
        let dispatch = try XCTUnwrap(g.blocks.first { $0.condition == "op" })
        XCTAssertEqual(dispatch.successors.map(\.label), [.case, .case, .default])
        XCTAssertEqual(dispatch.successors.compactMap(\.detail), ["1", "2"])
        XCTAssertTrue(g.blocks.contains { $0.successors.contains { $0.label == .fallthrough } })
    }

    func testJSONAndDotRenderings() throws {
        let file = try graphs(of: Paths.fixture("aio_sample.c")).selecting(function: "put_ioctx")
        let json = GraphReport.render(file, as: .json)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let functions = try XCTUnwrap(object?["functions"] as? [[String: Any]])
        XCTAssertEqual(functions.first?["function"] as? String, "put_ioctx")
        XCTAssertEqual(object?["mode"] as? String, "standalone")
        let dot = GraphReport.render(file, as: .dot)
        XCTAssertTrue(dot.hasPrefix("digraph "))
        // Record labels escape the characters Graphviz gives meaning to (`>` of `->` among them).
        XCTAssertTrue(dot.contains("call atomic_dec_and_test(&ctx-\\>users)"), dot)
        XCTAssertTrue(dot.contains("label=\"true\""))
        // Graphviz renders it, where Graphviz is installed.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") {
            let all = GraphReport.render(try graphs(of: Paths.fixture("aio_sample.c")), as: .dot)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
            process.arguments = ["-Tsvg", "-o", "/dev/null"]
            let input = Pipe()
            process.standardInput = input
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            input.fileHandleForWriting.write(Data(all.utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(process.terminationStatus, 0, message)
            XCTAssertEqual(message, "")
        }
    }

    func testGraphsAreDeterministic() throws {
        let a = GraphReport.render(try graphs(of: Paths.fixture("aio_sample.c")), as: .json)
        let b = GraphReport.render(try graphs(of: Paths.fixture("aio_sample.c")), as: .json)
        XCTAssertEqual(a, b)
    }
}
