import Foundation
import XCTest

@testable import AIOAudit

/// The real fs/aio.c files in ../shared/corpus (skipped when absent; every behaviour checked here
/// is also checked on the project's own fixtures).
final class CorpusTests: XCTestCase {
    override func setUpWithError() throws { try Paths.requireCorpus() }

    static let files = [
        "seed/aio-seed-before.c", "seed/aio-seed-after.c", "releases/release-3.4.2.c", "releases/release-3.13.10.c",
        "releases/release-6.1.192-debian.c",
    ]

    func testEveryCorpusFileParsesCleanlyAndEveryFunctionGetsAGraph() throws {
        for name in CorpusTests.files {
            let path = try Paths.corpusFile(name)
            let unit = try Parser.parse(ParseRequest(path: path, standalone: true))
            XCTAssertEqual(unit.errors.map { "\($0.line): \($0.message)" }, [], name)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let graphs = FileGraphs(unit: unit).graphs
            XCTAssertEqual(graphs.count, unit.functions.count)
            XCTAssertGreaterThan(graphs.count, 30, name)
            for g in graphs {
                XCTAssertEqual(g.blocks.first?.role, .entry, "\(name): \(g.function)")
                XCTAssertEqual(g.blocks.last?.role, .exit, "\(name): \(g.function)")
                // The function is really in the file at that line.
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                XCTAssertTrue(g.line >= 1 && g.line <= lines.count, "\(name): \(g.function)")
            }
        }
    }

    func testSeedFputRoutine() throws {
        let path = try Paths.corpusFile("seed/aio-seed-before.c")
        let g = try graph("aio_fput_routine", in: path)
        let trace = g.trace([.call, .lock, .unlock])
        // In order inside the loop: the unlock of fput_lock, fput, the lock of ctx->ctx_lock,
        // really_put_req(ctx, req), the unlock of ctx->ctx_lock, put_ioctx(ctx), the lock of fput_lock.
        let wanted = [
            "unlock fput_lock", "call fput(req->ki_filp)", "lock ctx->ctx_lock", "call really_put_req(ctx, req)",
            "unlock ctx->ctx_lock", "call put_ioctx(ctx)", "lock fput_lock",
        ]
        var index = trace.startIndex
        for w in wanted {
            guard let found = trace[index...].firstIndex(of: w) else {
                return XCTFail("\(w) missing or out of order in \(trace)")
            }
            index = found + 1
        }
        XCTAssertTrue(g.blocks.contains { $0.successors.contains { $0.back } }, "the loop's back edge")
    }

    func testSeedBeforeHasExactlyThePutOutsidePinWithItsWitness() throws {
        let path = try Paths.corpusFile("seed/aio-seed-before.c")
        let check = FileCheck(unit: try Parser.parse(ParseRequest(path: path, standalone: true)))
        let mission = check.findings.filter {
            [PutOutsidePin.id, RCUUncoveredDeref.id, RCUNoGracePeriod.id].contains($0.rule)
        }
        XCTAssertEqual(
            mission.map { "\($0.line) \($0.function) \($0.rule) \($0.severity.rawValue)" },
            ["616 aio_fput_routine put-outside-pin error"])
        let w = try XCTUnwrap(mission.first).witness
        XCTAssertTrue(w.contains { $0.line == 61 && $0.message.contains("DECLARE_WORK") }, "\(w)")
        XCTAssertTrue(w.contains { $0.line == 613 && $0.message.contains("really_put_req(ctx, req)") }, "\(w)")
        let chain = w.map(\.message).filter { $0.contains("calls") || $0.contains("runs __put_ioctx") }
        XCTAssertTrue(chain.contains { $0.contains("__put_ioctx") }, "\(w)")
        XCTAssertTrue(chain.contains { $0.contains("aio_free_ring()") }, "\(w)")
        XCTAssertTrue(chain.contains { $0.contains("do_munmap()") }, "\(w)")
        XCTAssertTrue(check.notAnalysed.isEmpty)
    }

    func testSeedAfterReportsNothingInTheWorkItem() throws {
        let path = try Paths.corpusFile("seed/aio-seed-after.c")
        let check = FileCheck(unit: try Parser.parse(ParseRequest(path: path, standalone: true)))
        XCTAssertEqual(check.findings.filter { $0.function == "aio_fput_routine" }.count, 0)
    }

    func testSeedFacts() throws {
        let path = try Paths.corpusFile("seed/aio-seed-before.c")
        let facts = FactsReport.text(FileCheck(unit: try Parser.parse(ParseRequest(path: path, standalone: true))))
        for expected in [
            "get_ioctx: get of struct kioctx", "try_get_ioctx: try-get of struct kioctx",
            "put_ioctx: put of struct kioctx (argument 1, field users), release __put_ioctx",
            "struct kioctx.reqs_active",
            "aio_fput_routine: work item", "do_munmap()", "call_rcu()", "sleeps: __put_ioctx",
        ] {
            XCTAssertTrue(facts.contains(expected), "facts lack '\(expected)'")
        }
    }

    func testReleasesStayQuiet() throws {
        for name in ["releases/release-3.4.2.c", "releases/release-6.1.192-debian.c"] {
            let path = try Paths.corpusFile(name)
            let check = FileCheck(unit: try Parser.parse(ParseRequest(path: path, standalone: true)))
            XCTAssertEqual(check.findings.map { "\($0.line) \($0.rule)" }, [], name)
            XCTAssertTrue(check.notAnalysed.isEmpty, name)
        }
    }

    /// 3.12 to 4.16 took a plain percpu_ref_get() on a context found in the RCU ioctx_table, while
    /// kill_ioctx() drops the table's reference with percpu_ref_kill(), whose sched-RCU grace
    /// period did not wait for rcu_read_lock() readers before 4.20 (fixed upstream by baf10564fbb6,
    /// "aio: fix io_destroy(2) vs. lookup_ioctx() race", with percpu_ref_tryget_live()). That is
    /// one of the two findings of 3.13.10; the other is the dereference of ctx->user_id inside the
    /// RCU section while free_ioctx_reqs() frees the context with no grace period (fixed upstream
    /// by a6d7cff472ee, "fs/aio: Add explicit RCU grace period when freeing kioctx").
    func testTheTableLookupOf3_13TakesAPlainGet() throws {
        let path = try Paths.corpusFile("releases/release-3.13.10.c")
        let check = FileCheck(unit: try Parser.parse(ParseRequest(path: path, standalone: true)))
        // The table's slots are loaded and stored plainly: rcu-accessor warnings in the four
        // functions that d0264c01e758 ("fs/aio: Use RCU accessors for kioctx_table->table[]")
        // changed.
        XCTAssertEqual(
            check.findings.map { "\($0.function) \($0.rule) \($0.severity.rawValue)" },
            [
                "ioctx_add_table rcu-accessor warning", "kill_ioctx rcu-accessor warning",
                "exit_aio rcu-accessor warning", "lookup_ioctx rcu-accessor warning",
                "lookup_ioctx rcu-no-grace-period error", "lookup_ioctx rcu-get-not-tryget error",
            ])
        let w = try XCTUnwrap(check.findings.first { $0.rule == RCUGetNotTryGet.id }).witness.map(\.message)
        XCTAssertTrue(w.contains { $0.contains("found under RCU") }, "\(w)")
        XCTAssertTrue(w.contains { $0.contains("percpu_ref_kill(&ctx->users)") && $0.contains("4.20") }, "\(w)")
        XCTAssertTrue(check.notAnalysed.isEmpty)
    }
}
