/// lock-imbalance: a lock held on some returns and released on others of the same outcome, an
/// unlock of a lock not held, a lock taken twice.
public struct LockImbalance: FunctionRule {
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
        inconsistent returns). The RCU read-side section counts as a lock: returns of one outcome \
        leave the same RCU depth. A second unlock corrupts the lock; a second lock of a spinlock \
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
        var keys: Set<String> = run.heldOnEntry
        for r in exact { keys.formUnion(r.heldLocks.keys) }
        let successes = exact.filter { $0.outcome == .success }
        var findings: [Finding] = []
        var reported: Set<String> = []
        for key in keys.sorted() where !run.unreliableLocks.contains(key) {
            let entry = run.heldOnEntry.contains(key)
            // The odd return: holding a lock the function took, or not holding its caller's.
            func odd(_ r: ReturnRecord) -> Bool { r.holds(key) != entry }
            func once(_ r: ReturnRecord) -> Bool {
                reported.insert("\(key)|\(r.event.line)|\(r.event.column)").inserted
            }
            for outcome in [ReturnOutcome.success, .failure] {
                let group = exact.filter { $0.outcome == outcome }
                guard let normal = group.first(where: { !odd($0) }) else { continue }
                for r in group where odd(r) && once(r) {
                    findings.append(report(run, r, normal, key: key, entry: entry, outcome: outcome.rawValue))
                }
            }
            // The forgotten unlock: a failure return keeps a lock the function took while every
            // success return releases it, whatever the other failure returns do (a helper that
            // returns holding a lock holds it on success, not on failure). sparse calls it a
            // context imbalance, smatch inconsistent returns.
            if !entry, let normal = successes.first, successes.allSatisfy({ !odd($0) }) {
                for r in exact where r.outcome == .failure && odd(r) && once(r) {
                    findings.append(report(run, r, normal, key: key, entry: entry, outcome: "success"))
                }
            }
            // One return statement reached both holding and not holding the lock.
            for r in exact where odd(r) {
                guard
                    let normal = exact.first(where: {
                        $0.event == r.event && !odd($0) && $0.outcome == r.outcome && $0.truth == r.truth
                    })
                else { continue }
                if once(r) { findings.append(report(run, r, normal, key: key, entry: entry, outcome: nil)) }
            }
        }
        findings += rcuImbalance(run, exact, reported: &reported)
        return findings
    }

    /// The RCU read-side section is a held context too: returns of one outcome leave the same RCU
    /// depth, as sparse's context checking requires. A function that returns inside the section
    /// on one path and outside it on another of the same outcome leaves its caller's section
    /// count wrong (or an RCU reader running forever).
    func rcuImbalance(_ run: FunctionRun, _ exact: [ReturnRecord], reported: inout Set<String>) -> [Finding] {
        var findings: [Finding] = []
        let fn = run.graph.function
        let section = "the RCU read-side section"
        for outcome in [ReturnOutcome.success, .failure] {
            let group = exact.filter { $0.outcome == outcome }
            guard let normal = group.first(where: { $0.rcuDepth == 0 }) else { continue }
            for r in group where r.rcuDepth > 0 {
                guard reported.insert("rcu|\(r.event.line)|\(r.event.column)").inserted else { continue }
                let line = r.rcuSectionLine ?? run.graph.line
                let witness = [
                    WitnessStep(line: line, column: 1, function: fn, message: "an RCU read-side section starts here"),
                    WitnessStep(
                        line: normal.event.line, column: normal.event.column, function: fn,
                        message: "\(normal.event.text) returns outside it"),
                    WitnessStep(
                        line: r.event.line, column: r.event.column, function: fn,
                        message: "\(r.event.text) returns inside it"),
                ]
                findings.append(
                    Finding(
                        rule: Self.id, severity: .error, file: run.file, function: fn, line: r.event.line,
                        column: r.event.column,
                        message:
                            "\(fn)() returns inside \(section) (entered at line \(line)), but returns outside it on the \(outcome.rawValue) return at line \(normal.event.line)",
                        object: "rcu_read_lock()", statement: Normalise.statement(r.event.text), witness: witness))
            }
        }
        return findings
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
