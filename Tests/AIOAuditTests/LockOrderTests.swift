import Foundation
import XCTest

@testable import AIOAudit

/// The static lockdep: the order graph and the classes' interrupt usage, as `facts` and
/// `graph --lock-order` show them, and variations of a real release.
final class LockOrderTests: XCTestCase {
    func check(_ source: String, name: String = "aio.c") throws -> FileCheck {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lockorder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        return try Pipeline.check(ParseRequest(path: path, standalone: true))
    }

    func fixture(_ name: String) throws -> FileCheck {
        try Pipeline.check(
            ParseRequest(path: Paths.fixtures.appendingPathComponent("check/\(name)").path, standalone: true))
    }

    func testTheOrderGraphOfTheFixture() throws {
        let order = try fixture("lock_order.c").lockOrder
        let edges = Set(order.edges.map { "\($0.from) -> \($0.to)" })
        XCTAssertTrue(
            edges.isSuperset(of: ["ctx.lock -> ring.lock", "ring.lock -> ctx.lock", "ctx.setup -> ctx.lock"]))
        // The trylock adds no edge: ring.lock -> ctx.lock comes from ring_drain() only.
        XCTAssertEqual(
            order.edges.filter { $0.from == "ring.lock" && $0.to == "ctx.lock" }.map(\.function), ["ring_drain"])
        XCTAssertEqual(order.cycles.count, 2)
        // The edge through the callee says how it gets there.
        let viaCallee = try XCTUnwrap(order.edges.first { $0.from == "ctx.lock" && $0.to == "ring.lock" })
        XCTAssertEqual(viaCallee.acquisition.chain.map(\.callee), ["ring_bump", "spin_lock"])
    }

    func testInterruptUsageOfTheFixture() throws {
        let classes = try fixture("lock_irq.c").lockOrder.classes
        XCTAssertNotNil(classes["dev.irq_lock"]?.inHardirq)
        XCTAssertNotNil(classes["dev.irq_lock"]?.hardirqOn)
        XCTAssertNotNil(classes["dev.wait_lock"]?.inHardirq, "a wake-up callback is interrupt-like")
        XCTAssertNil(classes["dev.stats_lock"]?.hardirqOn, "taken only under local_irq_save()")
        XCTAssertNil(classes["dev.clear_lock"]?.hardirqOn, "taken by a helper called only with interrupts off")
        XCTAssertEqual(classes["task_struct.alloc_lock"]?.kernel, true)
    }

    func testFactsAndGraphShowTheOrder() throws {
        let c = try fixture("lock_order.c")
        XCTAssertTrue(
            FactsReport.text(c).contains(
                "lock order (B taken while A is held):\n  ctx.lock -> ring.lock: ctx_submit():33"))
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(FactsReport.json(c).utf8)) as? [String: Any])
        let order = try XCTUnwrap(json["lockOrder"] as? [String: Any])
        XCTAssertEqual((order["edges"] as? [Any])?.count, c.lockOrder.edges.count)
        let dot = LockOrderReport.dot(c.lockOrder, name: "lock_order.c")
        XCTAssertTrue(dot.hasPrefix("digraph \"lock order: lock_order.c\" {"))
        XCTAssertTrue(dot.contains("\"trio.a\" -> \"trio.b\" [label=\"trio_ab():70\", color=red, penwidth=2];"), dot)
        XCTAssertTrue(dot.contains("\"ctx.setup\" -> \"ctx.lock\" [label=\"ctx_setup():95\"];"), dot)
    }

    /// 3.4's aio_kick_handler() with unuse_mm() moved back under ctx_lock, as it was before
    /// 1ebb1101c556 ("Fix lock inversion aio_kick_handler()"): the IRQ-safe ctx_lock (aio_complete()
    /// takes it in interrupt context) is held while unuse_mm() takes the task's alloc_lock, which
    /// is taken with interrupts on.
    func testTheKickHandlerInversionOf1ebb1101c556() throws {
        let release = try String(contentsOfFile: try Paths.corpusFile("releases/release-3.4.2.c"), encoding: .utf8)
        let fixed = "\tmm = ctx->mm;\n\tspin_unlock_irq(&ctx->ctx_lock);\n \tunuse_mm(mm);\n"
        XCTAssertTrue(release.contains(fixed))
        XCTAssertEqual(try check(release).findings.filter { $0.rule.hasPrefix("lock-") }.map(\.rule), [])
        let broken = release.replacingOccurrences(
            of: fixed, with: "\tmm = ctx->mm;\n\tunuse_mm(mm);\n\tspin_unlock_irq(&ctx->ctx_lock);\n")
        let found = try check(broken).findings.filter { $0.rule == LockIRQInversion.id }
        XCTAssertEqual(
            found.map { "\($0.function) \($0.object)" }, ["aio_kick_handler kioctx.ctx_lock->task_struct.alloc_lock"])
        XCTAssertEqual(found.first?.severity, .warning, "aio_complete()'s interrupt context comes from the profile")
        XCTAssertTrue(found[0].message.contains("in interrupt context (aio_complete())"), found[0].message)
    }

    /// 6.1 takes ctx_lock in aio_poll_wake() with a trylock, under the wait queue's lock: change
    /// it to a plain spin_lock_irqsave() and the order wait queue -> ctx_lock appears; and since
    /// aio_poll() takes the wait queue's lock (poll_iocb_lock_wq()) under ctx_lock, a cycle.
    func testTheTrylockInTheWakeFunctionOf61() throws {
        let release = try String(
            contentsOfFile: try Paths.corpusFile("releases/release-6.1.192-debian.c"), encoding: .utf8)
        XCTAssertEqual(try check(release).findings.filter { $0.rule.hasPrefix("lock-") }.map(\.rule), [])
        let trylock = "\t    spin_trylock_irqsave(&iocb->ki_ctx->ctx_lock, flags)) {"
        XCTAssertTrue(release.contains(trylock))
        let plain = release.replacingOccurrences(
            of: trylock, with: "\t    (spin_lock_irqsave(&iocb->ki_ctx->ctx_lock, flags), 1)) {")
        let order = try check(plain).lockOrder
        XCTAssertTrue(
            order.edges.contains { $0.function == "aio_poll_wake" && $0.to == "kioctx.ctx_lock" },
            order.edges.map { "\($0.from) -> \($0.to)" }.description)
    }
}
