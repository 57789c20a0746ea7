/// lock-imbalance: a lock held on some returns and released on others of the same outcome, an
/// unlock of a lock not held, a lock taken twice.
public struct LockImbalance: FunctionRule {
    public static var isGeneric: Bool { true }
    public static let id = "lock-imbalance"
    public static let summary =
        "a lock held on one return and not another of the same outcome, released twice or taken twice"
    public static let rationale = """
        A function's callers expect the same lock state from every return of one kind: all its \
        failures, or all its successes (returns are grouped by outcome as smatch groups them — 0 \
        or nothing is success; a negative errno, ERR_PTR() or NULL is failure; a variable returned \
        by name is followed through its assignments and the branches that test it). An error path \
        that forgets the unlock leaves the lock held forever, and is reported even when it is the \
        only failure return: a lock held on a failure return while every success return releases \
        it is the bug, whatever the returned values (sparse's context imbalance, smatch's \
        inconsistent returns). Held contexts count as locks: returns of one outcome leave the \
        same RCU read-side depth (of each flavour; an srcu_struct's section by the srcu_struct), \
        and preemption, interrupts and bottom halves as they found them; a function that returns \
        inside a section it entered, always or exactly when it returns true, or leaves its \
        caller's, is read through its summary by its callers. A second unlock corrupts the lock; a second lock of a spinlock \
        deadlocks. A function that returns true with a lock held and \
        false without (a conditional-lock helper such as a trylock wrapper) is not reported: its \
        callers read it through its summary, as they read a callee that unlocks their lock.
        """
    public static let exampleContext = ExampleContext.lifetime
    public static let triggering = [
        """
        int ctx_submit(struct ctx *ctx, int nr)
        {
        	spin_lock_irq(&ctx->lock);
        	if (ctx->dead)
        		↓return -EINVAL;		/* the lock is still held */
        	if (nr > ctx->reqs_active) {
        		spin_unlock_irq(&ctx->lock);
        		return -EAGAIN;
        	}
        	ctx->reqs_active -= nr;
        	spin_unlock_irq(&ctx->lock);
        	return 0;
        }
        """,
        """
        void ctx_mark(struct ctx *ctx, int bad)
        {
        	spin_lock(&ctx->lock);
        	if (bad)
        		goto out;
        	ctx->dead = 1;
        	spin_unlock(&ctx->lock);
        out:
        	↓spin_unlock(&ctx->lock);	/* twice on the path that did not jump */
        }
        """,
    ]
    public static let nonTriggering = [
        """
        int ctx_poke(struct ctx *ctx)
        {
        	if (!spin_trylock(&ctx->lock))	/* held only where it succeeded */
        		return -EAGAIN;
        	ctx->dead = 0;
        	spin_unlock(&ctx->lock);
        	return 0;
        }
        """,
        """
        /* Returns true with ctx->lock held: a conditional-lock helper. */
        static bool ctx_lock_live(struct ctx *ctx)
        {
        	spin_lock(&ctx->lock);
        	if (ctx->dead) {
        		spin_unlock(&ctx->lock);
        		return false;
        	}
        	return true;
        }

        int ctx_bump(struct ctx *ctx)
        {
        	if (!ctx_lock_live(ctx))
        		return -EINVAL;
        	ctx->reqs_active++;
        	spin_unlock(&ctx->lock);
        	return 0;
        }
        """,
    ]

    public init() {}

    public func check(_ p: ProgramPoint) -> [Finding] {
        guard !p.isApproximate, let lock = p.event.path?.description, !p.unreliableLocks.contains(lock) else {
            return []
        }
        let e = p.event
        if e.kind == .lock, e.lockKind?.isTry != true, let held = p.lockHeld(lock) {
            let witness = [
                WitnessStep(line: held.line, column: 1, function: p.graph.function, message: "\(lock) is taken here"),
                WitnessStep(
                    line: e.line, column: e.column, function: p.graph.function,
                    message: "\(e.text) takes it again on the same path"),
            ]
            return [
                finding(
                    p, lock: lock, witness: witness,
                    message: "\(e.text) takes \(lock), already held since line \(held.line) on this path: it deadlocks")
            ]
        }
        if e.kind == .unlock, p.lockHeld(lock) == nil, !p.heldOnEntry.contains(lock) {
            var witness: [WitnessStep] = []
            var why = "never taken on this path"
            if let line = p.lastUnlock(of: lock) {
                witness.append(
                    WitnessStep(line: line, column: 1, function: p.graph.function, message: "\(lock) is released here"))
                why = "released already at line \(line) on this path"
            }
            witness.append(
                WitnessStep(
                    line: e.line, column: e.column, function: p.graph.function,
                    message: "\(e.text) releases \(lock) again"))
            return [
                finding(
                    p, lock: lock, witness: witness, message: "\(e.text) releases \(lock), which is not held: \(why)")
            ]
        }
        return []
    }

    func finding(_ p: ProgramPoint, lock: String, witness: [WitnessStep], message: String) -> Finding {
        Finding(
            rule: Self.id, severity: .error, file: p.file, function: p.graph.function, line: p.event.line,
            column: p.event.column, message: message, object: lock, statement: Normalise.statement(p.event.text),
            witness: witness)
    }

    public func finish(_ run: FunctionRun) -> [Finding] {
        let exact = run.returns.filter { !$0.approximate }
        guard exact.count > 1 else { return [] }
        var findings: [Finding] = []
        var reported: Set<String> = []
        var locks: Set<String> = run.heldOnEntry
        for r in exact { locks.formUnion(r.heldLocks.keys) }
        for key in locks.sorted() where !run.unreliableLocks.contains(key) {
            let entry = run.heldOnEntry.contains(key)
            // A return whose path found the lock's pointer NULL neither holds nor drops it.
            // Nor does one whose path handed the lock's object to a function pointer, which may
            // have released it (`fs->kill_sb(s)` with `s->s_umount` held).
            let relevant = exact.filter { !$0.isVacuous(key) && !$0.isExposed(key) }
            findings += imbalances(relevant, key: key, entry: entry, level: { $0.holds(key) ? 1 : 0 }, &reported) {
                report(run, $0, $1, key: key, entry: entry, outcome: $2)
            }
        }
        // Held contexts are held the same way: returns of one outcome leave the same RCU depth,
        // preemption and interrupts as they found them, as sparse's context checking requires.
        // Only a context the function itself entered is judged: one it leaves without entering
        // may have been entered where it cannot see (in a callback it passed), on some paths. And
        // only return against return: sections entered and left under correlated conditions
        // (`if (!(seq & 1)) rcu_read_unlock()` in a retry loop) reach one return both ways.
        var contexts: Set<String> = []
        for r in exact { contexts.formUnion(r.contexts.keys) }
        for key in contexts.sorted() where !run.unreliableLocks.contains(key) {
            findings += imbalances(
                exact, key: key, entry: false, level: { max($0.depth(key), 0) }, &reported, byPath: false
            ) {
                contextReport(run, $0, $1, key: key, outcome: $2)
            }
        }
        return findings
    }

    /// The returns that leave `key` at another level than the function found it while another
    /// return of the same kind does not, each with that other return and the kind's name.
    func imbalances(
        _ exact: [ReturnRecord], key: String, entry: Bool, level: (ReturnRecord) -> Int, _ reported: inout Set<String>,
        byPath: Bool = true, report: (ReturnRecord, ReturnRecord, String?) -> Finding
    ) -> [Finding] {
        var findings: [Finding] = []
        // The odd return: holding what the function took, or not holding its caller's.
        func odd(_ r: ReturnRecord) -> Bool { level(r) != (entry ? 1 : 0) }
        func once(_ r: ReturnRecord) -> Bool { reported.insert("\(key)|\(r.event.line)|\(r.event.column)").inserted }
        for outcome in [ReturnOutcome.success, .failure] {
            let group = exact.filter { $0.outcome == outcome }
            guard let normal = group.first(where: { !odd($0) }) else { continue }
            for r in group where odd(r) && once(r) { findings.append(report(r, normal, outcome.rawValue)) }
        }
        // The forgotten unlock: a failure return keeps what the function took while every
        // success return releases it, whatever the other failure returns do (a helper that
        // returns holding a lock holds it on success, not on failure). sparse calls it a context
        // imbalance, smatch inconsistent returns.
        let successes = exact.filter { $0.outcome == .success }
        if !entry, let normal = successes.first, successes.allSatisfy({ !odd($0) }) {
            for r in exact where r.outcome == .failure && odd(r) && once(r) {
                findings.append(report(r, normal, "success"))
            }
        }
        // One return statement reached both holding and not holding it.
        for r in exact where byPath && odd(r) {
            guard
                let normal = exact.first(where: {
                    $0.event == r.event && !odd($0) && $0.outcome == r.outcome && $0.truth == r.truth
                })
            else { continue }
            if once(r) { findings.append(report(r, normal, nil)) }
        }
        return findings
    }

    /// How a held context is said: inside it, outside it, where it begins.
    static func describe(_ key: String) -> (inside: String, outside: String, begins: String) {
        let context = ContextPrimitive.parse(key)
        switch context?.context {
        case "preempt_disable"?: return ("with preemption disabled", "with it enabled", "preemption is disabled")
        case "local_irq_save"?, "local_irq_disable"?:
            return ("with interrupts disabled", "with them enabled", "interrupts are disabled")
        case "local_bh_disable"?:
            return ("with bottom halves disabled", "with them enabled", "bottom halves are disabled")
        default:
            let section = context?.operand.map { "\($0)'s SRCU read-side section" } ?? "the RCU read-side section"
            return ("inside \(section)", "outside it", "\(section) is entered")
        }
    }

    func contextReport(_ run: FunctionRun, _ r: ReturnRecord, _ normal: ReturnRecord, key: String, outcome: String?)
        -> Finding
    {
        let fn = run.graph.function
        let said = Self.describe(key)
        let kind = outcome.map { "\($0) " } ?? ""
        let other =
            normal.event == r.event
            ? "on another path to the same return" : "on the \(kind)return at line \(normal.event.line)"
        let line = r.contextLine(key) ?? run.graph.line
        let witness = [
            WitnessStep(line: line, column: 1, function: fn, message: "\(said.begins) here"),
            WitnessStep(
                line: normal.event.line, column: normal.event.column, function: fn,
                message: "\(normal.event.text) returns \(said.outside)"),
            WitnessStep(
                line: r.event.line, column: r.event.column, function: fn,
                message: "\(r.event.text) returns \(said.inside)"),
        ]
        return Finding(
            rule: Self.id, severity: .error, file: run.file, function: fn, line: r.event.line, column: r.event.column,
            message: "\(fn)() returns \(said.inside) (entered at line \(line)), but returns \(said.outside) \(other)",
            object: key, statement: Normalise.statement(r.event.text), witness: witness)
    }

    func report(
        _ run: FunctionRun, _ r: ReturnRecord, _ normal: ReturnRecord, key: String, entry: Bool, outcome: String?
    )
        -> Finding
    {
        let fn = run.graph.function
        let kind = outcome.map { "\($0) " } ?? ""
        let other =
            normal.event == r.event
            ? "on another path to the same return"
            : "on the \(kind)return at line \(normal.event.line)"
        var witness: [WitnessStep] = []
        let message: String
        if entry {
            witness.append(
                WitnessStep(
                    line: run.graph.line, column: 1, function: fn, message: "\(key) is held by the caller on entry"))
            message = "\(fn)() returns having released its caller's \(key) here, but keeps it held \(other)"
        } else {
            let line = r.lockLine(key) ?? run.graph.line
            witness.append(WitnessStep(line: line, column: 1, function: fn, message: "\(key) is taken here"))
            message =
                "\(fn)() returns with \(key) held (taken at line \(line)), but returns without it \(other)"
        }
        witness.append(
            WitnessStep(
                line: normal.event.line, column: normal.event.column, function: fn,
                message: "\(normal.event.text) returns \(entry ? "still holding" : "without") \(key)"))
        witness.append(
            WitnessStep(
                line: r.event.line, column: r.event.column, function: fn,
                message: "\(r.event.text) returns \(entry ? "without" : "holding") \(key)"))
        return Finding(
            rule: Self.id, severity: .error, file: run.file, function: fn, line: r.event.line, column: r.event.column,
            message: message, object: key, statement: Normalise.statement(r.event.text), witness: witness)
    }
}
