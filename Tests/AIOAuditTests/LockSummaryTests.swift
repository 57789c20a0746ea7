import Foundation
import XCTest

@testable import AIOAudit

/// What a function's summary says its callers hold after it: sparse's `__cond_lock()`, a lock
/// reached through a pointer that may be NULL, a lock named through a variable holding its address.
/// The fixtures (cond_lock.c, null_guarded.c) say what is reported; these say why.
final class LockSummaryTests: XCTestCase {
    func fixture(_ name: String) throws -> FileCheck {
        try Pipeline.check(
            ParseRequest(path: Paths.fixtures.appendingPathComponent("check/\(name)").path, standalone: true))
    }

    func acquires(_ s: FunctionSummary?) -> [String] {
        (s?.acquires ?? []).map { "\($0.lock.path) \($0.when.rawValue)" }
    }

    func testCondLockIsAConditionalAcquisition() throws {
        let check = try fixture("cond_lock.c")
        // `(void)__cond_lock(&t->sighand->siglock, ret); return ret;` (lock_task_sighand()).
        XCTAssertEqual(acquires(check.summaries["lock_sig"]), ["t->sighand->siglock when it returns true"])
        // `return __cond_lock(&t->alloc_lock, __try_alloc_lock(t));` (the trylock macros).
        XCTAssertEqual(acquires(check.summaries["try_alloc_lock"]), ["t->alloc_lock when it returns true"])
        // Handed the lock's address; 0 when it took it, -EAGAIN when it did not.
        XCTAssertEqual(acquires(check.summaries["ring_lock"]), ["m when it returns 0"])
        // The callers that test the result are judged on both ways; the bad ones are reported.
        let functions = Set(check.findings.map(\.function))
        XCTAssertEqual(functions, ["sig_count_bad", "alloc_bump_bad", "ring_ctl_bad"])
    }

    func testALockThroughANullPointerIsNobodys() throws {
        let check = try fixture("null_guarded.c")
        // `if (peer) spin_unlock(&peer->peer_lock)`: the caller's lock whenever there is a peer.
        XCTAssertEqual(check.summaries["ring_put_peer"]?.releases.map(\.path.description), ["peer->peer_lock"])
        // Tested through a field, once.
        XCTAssertEqual(check.summaries["node_detach"]?.releases.map(\.path.description), ["n->owner->peer_lock"])
        // Declared released by its callee, when there is an owner: released for its own caller.
        XCTAssertEqual(check.summaries["node_kill"]?.releases.map(\.path.description), ["n->owner->peer_lock"])
        // Dropped and retaken in a loop: the caller's on entry and on return, taken by nobody here.
        XCTAssertEqual(acquires(check.summaries["ring_wait_empty"]), [])
        XCTAssertEqual(
            Set(check.findings.map(\.function)),
            [
                "ring_attach_bad", "ring_by_address_bad", "ring_constant_bad", "cfg_set_fd_bad", "ring_kick_bad",
                "ring_validate_bad",
            ])
        // Handed to a function pointer with the caller's lock held: whether it was released is
        // not known, and its callers are told so.
        XCTAssertEqual(check.summaries["ring_put_locked"]?.obscures.map(\.path.description), ["r->peer_lock"])
        XCTAssertEqual(check.summaries["ring_put_locked"]?.releases.count, 0)
    }

    func testAKnownTruthFollowsTheVariable() throws {
        // The variable is given a truth by an assignment, then tested once: only that way.
        let source = """
            #include <linux/mutex.h>
            struct ring { struct mutex lock; int nr; };
            int pick(struct ring *r)
            {
            \tstruct mutex *held = NULL;
            \tif (r->nr) {
            \t\tmutex_lock(&r->lock);
            \t\theld = &r->lock;
            \t}
            \tr->nr++;
            \tif (held)
            \t\tmutex_unlock(held);
            \treturn 0;
            }
            /* aio-audit: aio-model */
            """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("pick.c").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        let quiet = try Pipeline.check(ParseRequest(path: path, standalone: true))
        XCTAssertEqual(quiet.findings.map(\.message), [])
        // Assigned something unknown in between, the test goes both ways again.
        try source.replacingOccurrences(of: "\tr->nr++;", with: "\theld = r->nr ? &r->lock : NULL;")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let open = try Pipeline.check(ParseRequest(path: path, standalone: true))
        XCTAssertEqual(open.findings.map(\.rule), ["lock-imbalance"], "\(open.findings.map(\.message))")
    }
}
