import Foundation
import XCTest

@testable import AIOAudit

/// What the variation tests share: a corpus file's text, a check of edited text, and a summary of
/// the findings that names no line.
protocol CorpusVariations: XCTestCase {}

extension CorpusVariations {
    func check(_ text: String) throws -> FileCheck {
        let dir = try temporaryDirectory(self)
        let file = dir.appendingPathComponent("aio.c")
        try Data(text.utf8).write(to: file)
        return FileCheck(unit: try Parser.parse(ParseRequest(path: file.path, standalone: true)))
    }

    func corpus(_ name: String) throws -> String {
        try String(contentsOfFile: try Paths.corpusFile(name), encoding: .utf8)
    }

    func summary(_ c: FileCheck) -> [String] {
        c.findings.map { "\($0.function) \($0.rule) \($0.severity.rawValue) \($0.statement)" }
    }
}

/// Variations of the seed files made at test time (the corpus stays out of the repository): the
/// findings must follow the code, not the names or lines of the original.
final class VariationTests: XCTestCase, CorpusVariations {
    /// Without the corpus the test is skipped before it asserts anything (a skip thrown inside an
    /// assertion would be recorded as a failure).
    override func setUpWithError() throws { try Paths.requireCorpus() }

    func seed(_ name: String) throws -> String { try corpus("seed/\(name)") }

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

/// The remaining rules on variations of real releases: each edit introduces one bug of a rule's
/// kind into a file that is clean, and exactly that is reported.
final class RuleVariationTests: XCTestCase, CorpusVariations {
    override func setUpWithError() throws { try Paths.requireCorpus() }

    /// `text` with `old` (which must occur once) replaced.
    func edit(_ text: String, _ old: String, _ new: String) throws -> String {
        XCTAssertEqual(text.components(separatedBy: old).count, 2, "\(old) must occur once")
        return text.replacingOccurrences(of: old, with: new)
    }

    static let cancelLock = "\tspin_lock_irq(&ctx->ctx_lock);\n\t/* TODO: use a hash or array, this sucks. */"

    func testReleasesAreCleanOfTheNewRules() throws {
        for name in ["releases/release-6.1.192-debian.c", "releases/release-3.4.2.c", "seed/aio-seed-after.c"] {
            let found = summary(try check(try corpus(name)))
            XCTAssertEqual(found, [], name)
        }
    }

    func testAFailureReturnThatKeepsTheLock() throws {
        let s = try edit(
            try corpus("releases/release-6.1.192-debian.c"), Self.cancelLock,
            "\tspin_lock_irq(&ctx->ctx_lock);\n\tif (unlikely(atomic_read(&ctx->dead))) {\n\t\tpercpu_ref_put(&ctx->users);\n\t\treturn -EINVAL;\n\t}\n\t/* TODO: use a hash or array, this sucks. */"
        )
        XCTAssertEqual(summary(try check(s)), ["sys_io_cancel lock-imbalance error return-EINVAL"])
    }

    /// The forgotten unlock where no other failure return shows the right way: kill_ioctx()'s
    /// only failure return keeps mm->ioctx_lock (sparse's "context imbalance").
    func testTheOnlyFailureReturnForgetsTheSpinlock() throws {
        let s = try edit(
            try corpus("releases/release-6.1.192-debian.c"),
            "\tif (atomic_xchg(&ctx->dead, 1)) {\n\t\tspin_unlock(&mm->ioctx_lock);\n\t\treturn -EINVAL;\n\t}",
            "\tif (atomic_xchg(&ctx->dead, 1)) {\n\t\treturn -EINVAL;\n\t}")
        let c = try check(s)
        XCTAssertEqual(summary(c), ["kill_ioctx lock-imbalance error return-EINVAL"])
        XCTAssertTrue(c.findings[0].message.contains("returns without it on the success return"), c.findings[0].message)
    }

    /// The same for a mutex: ioctx_alloc()'s error label without its mutex_unlock().
    func testTheErrorLabelForgetsTheMutex() throws {
        let s = try edit(
            try corpus("releases/release-6.1.192-debian.c"),
            "err:\n\tmutex_unlock(&ctx->ring_lock);\n\tfree_percpu(ctx->cpu);", "err:\n\tfree_percpu(ctx->cpu);")
        XCTAssertEqual(summary(try check(s)), ["ioctx_alloc lock-imbalance error returnERR_PTR(err)"])
    }

    /// lookup_ioctx() returning from inside its RCU read-side section on one failure path.
    func testAFailureReturnInsideTheRCUSection() throws {
        let s = try edit(
            try corpus("releases/release-6.1.192-debian.c"),
            "\tif (!table || id >= table->nr)\n\t\tgoto out;\n",
            "\tif (!table || id >= table->nr)\n\t\treturn NULL;\n")
        let c = try check(s)
        XCTAssertEqual(summary(c), ["lookup_ioctx lock-imbalance error returnNULL"])
        XCTAssertTrue(c.findings[0].message.contains("returns inside the RCU read-side section"), c.findings[0].message)
    }

    func testAFailureReturnThatKeepsTheLookupsReference() throws {
        let s = try edit(
            try corpus("releases/release-6.1.192-debian.c"), Self.cancelLock,
            "\tif (unlikely(atomic_read(&ctx->dead)))\n\t\treturn -EINVAL;\n\n" + Self.cancelLock)
        XCTAssertEqual(summary(try check(s)), ["sys_io_cancel ref-leak error return-EINVAL"])
    }

    func testASleepingLockUnderTheContextsSpinlock() throws {
        let s = try edit(
            try corpus("releases/release-6.1.192-debian.c"), Self.cancelLock,
            Self.cancelLock + "\n\tmutex_lock(&ctx->ring_lock);\n\tmutex_unlock(&ctx->ring_lock);")
        XCTAssertEqual(summary(try check(s)), ["sys_io_cancel sleep-in-atomic error mutex_lock(&ctx->ring_lock)"])
    }

    /// A function of the file that sleeps, handed to a helper called under ctx_lock: the helper
    /// runs it there.
    func testASleepingCallbackUnderTheContextsSpinlock() throws {
        var s = try edit(
            try corpus("releases/release-6.1.192-debian.c"), "SYSCALL_DEFINE3(io_cancel,",
            "void aio_walk_reqs(struct kioctx *ctx, void (*fn)(struct kioctx *));\n\nstatic void aio_nap(struct kioctx *ctx)\n{\n\tmsleep(1);\n}\n\nSYSCALL_DEFINE3(io_cancel,"
        )
        s = try edit(s, Self.cancelLock, Self.cancelLock + "\n\taio_walk_reqs(ctx, aio_nap);")
        let c = try check(s)
        XCTAssertEqual(summary(c), ["sys_io_cancel sleep-in-atomic error aio_walk_reqs(ctx,aio_nap)"])
        XCTAssertTrue(c.findings[0].message.contains("aio_nap() → msleep()"), c.findings[0].message)
    }

    /// 6.1's aio_poll_wake() takes ctx_lock with a trylock that is the right operand of `&&`: held
    /// only where the whole condition holds, and released there. Made the left operand, the
    /// trylock can succeed where the condition fails: the lock is kept on that path.
    static let pollTrylock =
        "\tif (mask && !req->work_scheduled &&\n\t    spin_trylock_irqsave(&iocb->ki_ctx->ctx_lock, flags)) {"

    func testATrylockUnderAnd() throws {
        let release = try corpus("releases/release-6.1.192-debian.c")
        XCTAssertTrue(release.contains(Self.pollTrylock))
        XCTAssertEqual(summary(try check(release)).filter { $0.hasPrefix("aio_poll_wake") }, [])
        let swapped = try edit(
            release, Self.pollTrylock,
            "\tif (spin_trylock_irqsave(&iocb->ki_ctx->ctx_lock, flags) &&\n\t    mask && !req->work_scheduled) {")
        XCTAssertEqual(
            summary(try check(swapped)).map { $0.split(separator: " ").prefix(2).joined(separator: " ") },
            ["aio_poll_wake lock-imbalance"])
    }

    func testTheTeardownLeftAsleepWhenTheWakeUpGoes() throws {
        let s = try edit(
            try corpus("seed/aio-seed-after.c"),
            "\tctx->reqs_active--;\n\n\tif (unlikely(!ctx->reqs_active && ctx->dead))\n\t\twake_up_all(&ctx->wait);\n}",
            "\tctx->reqs_active--;\n}")
        XCTAssertEqual(
            summary(try check(s)).filter { $0.contains("pin-drop") },
            ["really_put_req pin-drop-without-wakeup error ctx->reqs_active--"])
    }

    /// The free of 6.1 without its grace period (as before "fs/aio: Add explicit RCU grace period
    /// when freeing kioctx"): the lookups that read a context under RCU read freed memory.
    func testTheContextFreedWithoutAGracePeriod() throws {
        let s = try edit(
            try corpus("releases/release-6.1.192-debian.c"),
            "\tINIT_RCU_WORK(&ctx->free_rwork, free_ioctx);\n\tqueue_rcu_work(system_wq, &ctx->free_rwork);",
            "\tINIT_WORK(&ctx->free_rwork.work, free_ioctx);\n\tschedule_work(&ctx->free_rwork.work);")
        let c = try check(s)
        XCTAssertEqual(
            c.findings.map { "\($0.function) \($0.rule) \($0.object)" },
            ["aio_ring_mremap rcu-no-grace-period ctx", "lookup_ioctx rcu-no-grace-period ctx"])
        XCTAssertTrue(c.findings.allSatisfy { $0.message.contains("free_ioctx_reqs()") })
    }

    /// 3.13's lookup_ioctx() has two bugs, fixed upstream years apart: the plain get
    /// (baf10564fbb6, percpu_ref_tryget_live()) and the free without a grace period that the
    /// table's RCU readers would need (a6d7cff472ee, queue_rcu_work()). Each fix removes its own.
    func testTheTwoFixesOfTheTableLookup() throws {
        let s = try corpus("releases/release-3.13.10.c")
        func summary(_ c: FileCheck) -> [String] { self.summary(c).filter { !$0.contains(RCUAccessor.id) } }
        XCTAssertEqual(
            summary(try check(s)),
            [
                "lookup_ioctx rcu-no-grace-period error ctx->user_id",
                "lookup_ioctx rcu-get-not-tryget error percpu_ref_get(&ctx->users)",
            ])
        let tryget = try edit(
            s, "\t\tpercpu_ref_get(&ctx->users);\n\t\tret = ctx;",
            "\t\tif (percpu_ref_tryget_live(&ctx->users))\n\t\t\tret = ctx;")
        XCTAssertEqual(summary(try check(tryget)), ["lookup_ioctx rcu-no-grace-period error ctx->user_id"])
        var both = try edit(
            tryget, "\tINIT_WORK(&ctx->free_work, free_ioctx);\n\tschedule_work(&ctx->free_work);",
            "\tINIT_RCU_WORK(&ctx->free_rwork, free_ioctx);\n\tqueue_rcu_work(system_wq, &ctx->free_rwork);")
        both = try edit(
            both, "\n\tstruct work_struct\tfree_work;\n",
            "\n\tstruct work_struct\tfree_work;\n\tstruct rcu_work\tfree_rwork;\n")
        XCTAssertEqual(summary(try check(both)), [])
    }

    /// d0264c01e758 ("fs/aio: Use RCU accessors for kioctx_table->table[]") applied to 3.13: the
    /// plain loads and stores of the table's slots, one rcu-accessor warning per function it
    /// changed, go; and taken out of 6.1's lookup_ioctx(), the plain load comes back.
    func testTheRCUAccessorsOfTheContextTable() throws {
        let s = try corpus("releases/release-3.13.10.c")
        XCTAssertEqual(
            summary(try check(s)).filter { $0.contains(RCUAccessor.id) },
            [
                "ioctx_add_table rcu-accessor warning table->table[i]",
                "kill_ioctx rcu-accessor warning table->table[ctx->id]",
                "exit_aio rcu-accessor warning table->table[i++]",
                "lookup_ioctx rcu-accessor warning table->table[id]",
            ])
        var fixed = try edit(s, "if (!table->table[i]) {", "if (!rcu_access_pointer(table->table[i])) {")
        fixed = try edit(fixed, "\ttable->table[i] = ctx;", "\trcu_assign_pointer(table->table[i], ctx);")
        fixed = try edit(
            fixed, "WARN_ON(ctx != table->table[ctx->id]);",
            "WARN_ON(ctx != rcu_access_pointer(table->table[ctx->id]));")
        fixed = try edit(fixed, "table->table[ctx->id] = NULL;", "RCU_INIT_POINTER(table->table[ctx->id], NULL);")
        fixed = try edit(
            fixed, "ctx = table->table[i++];", "ctx = rcu_dereference_protected(table->table[i++], true);")
        fixed = try edit(fixed, "ctx = table->table[id];", "ctx = rcu_dereference(table->table[id]);")
        XCTAssertEqual(summary(try check(fixed)).filter { $0.contains(RCUAccessor.id) }, [])
        let plain = try edit(
            try corpus("releases/release-6.1.192-debian.c"), "ctx = rcu_dereference(table->table[id]);",
            "ctx = table->table[id];")
        let c = try check(plain)
        XCTAssertEqual(summary(c), ["lookup_ioctx rcu-accessor warning table->table[id]"])
        let w = try XCTUnwrap(c.findings.first).witness.map(\.message)
        XCTAssertTrue(w.contains { $0.contains("kioctx_table.table is RCU-protected") }, "\(w)")
    }

    /// 6.1's POLLFREE handling marks the request cancelled before the release store that hands
    /// it back ("this *must* be the last step"); after it, the request may be gone.
    func testThePollFreeStoreMustBeTheLastStep() throws {
        let release = try corpus("releases/release-6.1.192-debian.c")
        let order =
            "\t\t\tWRITE_ONCE(req->cancelled, true);\n\t\t\tlist_del_init(&req->wait.entry);\n"
        XCTAssertTrue(release.contains(order))
        var s = try edit(release, order, "\t\t\tlist_del_init(&req->wait.entry);\n")
        s = try edit(
            s, "\t\t\tsmp_store_release(&req->head, NULL);\n",
            "\t\t\tsmp_store_release(&req->head, NULL);\n\t\t\tWRITE_ONCE(req->cancelled, true);\n")
        let c = try check(s)
        XCTAssertEqual(
            summary(c).map { $0.split(separator: " ").prefix(2).joined(separator: " ") },
            ["aio_poll_wake use-after-handback"])
        XCTAssertTrue(
            c.findings[0].message.contains("poll_iocb_lock_wq() polls ->head with an acquire load"),
            c.findings[0].message)
    }

    /// free_ioctx_reqs() completes the drain that exit_aio() and kill_ioctx() wait for with the
    /// ctx_rq_wait on their stacks: nothing may touch it after complete().
    func testTheDrainCompletionIsTheLastTouch() throws {
        let done = "\t\tcomplete(&ctx->rq_wait->comp);\n"
        let s = try edit(
            try corpus("releases/release-6.1.192-debian.c"), done,
            "\t{\n\t\tcomplete(&ctx->rq_wait->comp);\n\t\tatomic_set(&ctx->rq_wait->count, 0);\n\t}\n")
        XCTAssertEqual(
            summary(try check(s)).map { $0.split(separator: " ").prefix(2).joined(separator: " ") },
            ["free_ioctx_reqs use-after-handback"])
    }

    /// 3.4's ioctx_alloc() starts a context with two references, the list's and io_setup()'s; with
    /// one (as 2.6.32 and before), io_setup() reads ioctx->user_id from a context that only the
    /// list holds, which a racing io_destroy() can free.
    func testTheContextPublishedWithOneReference() throws {
        let s = try edit(
            try corpus("releases/release-3.4.2.c"), "\tatomic_set(&ctx->users, 2);", "\tatomic_set(&ctx->users, 1);")
        let c = try check(s)
        XCTAssertEqual(
            summary(c).map { $0.split(separator: " ").prefix(2).joined(separator: " ") },
            ["sys_io_setup use-after-publish"])
        XCTAssertTrue(
            c.findings[0].witness.contains { $0.message.contains("ioctx_alloc() returns it without a reference") },
            "\(c.findings[0].witness)")
    }

    /// 6.1's ioctx_alloc() takes io_setup()'s reference before ioctx_add_table() publishes the
    /// context; taken after, it is a plain get on a context another thread can already kill.
    func testTheSetupReferenceTakenAfterPublishing() throws {
        let get = "\tpercpu_ref_get(&ctx->users);\t/* io_setup() will drop this ref */\n"
        var s = try edit(try corpus("releases/release-6.1.192-debian.c"), get, "")
        s = try edit(s, "\terr = ioctx_add_table(ctx, mm);\n", "\terr = ioctx_add_table(ctx, mm);\n" + get)
        XCTAssertEqual(
            summary(try check(s)).filter { $0.contains("use-after-publish") },
            ["ioctx_alloc use-after-publish error percpu_ref_get(&ctx->users)"])
    }
}
