/// check-after-act: an atomic update whose result is thrown away, then a separate read of the
/// same variable that decides whether to undo it.
public struct CheckAfterAct: Rule {
    public static let id = "check-after-act"
    public static let summary = "an atomic update, then a separate read of the variable deciding to undo it"
    public static let rationale = """
        `atomic_add(n, &v); if (atomic_read(&v) > limit) { atomic_sub(n, &v); return -EAGAIN; }` \
        is not atomic as a whole: between the add and the read, other CPUs add too, and each \
        reads the others' provisional updates. Two callers that together exceed the limit both \
        fail (each sees the other's add) although one would fit, and a reader of v sees values \
        that were never committed (Documentation/atomic_t.txt: the non-value-returning atomic \
        operations are unordered and say nothing of other CPUs' updates). Decide with the \
        update's own result (atomic_add_return(), atomic_add_unless(), a cmpxchg loop), or do \
        both under one lock. Quiet when the decision uses the update's returned value, when the \
        read only drives a wait loop, and when one critical section holds both.
        """
    public static let exampleContext = ExampleContext.lifetime + ExampleContext.quota
    public static let triggering = [
        """
        int quota_take(int n)
        {
        	↓atomic_add(n, &quota_used);
        	if (atomic_read(&quota_used) > quota_max) {
        		atomic_sub(n, &quota_used);	/* the undo another CPU's read already saw */
        		return -EAGAIN;
        	}
        	return 0;
        }
        """
    ]
    public static let nonTriggering = [
        """
        int quota_take(int n)
        {
        	if (atomic_add_return(n, &quota_used) > quota_max) {	/* its own result */
        		atomic_sub(n, &quota_used);
        		return -EAGAIN;
        	}
        	return 0;
        }

        void quota_drain(int n)
        {
        	atomic_sub(n, &quota_used);
        	while (atomic_read(&quota_used) > 0)	/* only waits */
        		cpu_relax();
        }
        """
    ]

    public init() {}

    /// Atomic updates whose result, if any, the kernel API does not return: the argument that
    /// names the variable, and which way they move it.
    static let updates: [String: (argument: Int, sign: Int)] = {
        var t: [String: (Int, Int)] = [:]
        for prefix in ["atomic", "atomic_long", "atomic64"] {
            t["\(prefix)_add"] = (1, 1)
            t["\(prefix)_sub"] = (1, -1)
            t["\(prefix)_inc"] = (0, 1)
            t["\(prefix)_dec"] = (0, -1)
        }
        return t
    }()

    static let reads: Set<String> = ["atomic_read", "atomic_long_read", "atomic64_read"]

    public func check(_ p: ProgramPoint) -> [Finding] {
        let e = p.event
        guard e.kind == .call, let callee = e.callee, let update = Self.updates[callee],
            let variable = e.arguments?[safe: update.argument]?.path,
            let (start, index) = p.graph.position(of: e)
        else { return [] }
        let held = Set(p.heldLocks.map(\.lock))
        guard let (read, branch) = decidingRead(of: variable, from: start, index: index + 1, held: held, p.graph),
            let undo = undoing(variable, sign: update.sign, after: branch, p.graph)
        else { return [] }
        let fn = p.graph.function
        let witness = [
            WitnessStep(
                line: e.line, column: e.column, function: fn,
                message: "\(e.text) updates \(variable); its result is not used"),
            WitnessStep(
                line: read.line, column: read.column, function: fn,
                message: "\(read.text) reads it again: other CPUs' updates since are in it"),
            WitnessStep(line: undo.line, column: undo.column, function: fn, message: "\(undo.text) undoes the update"),
        ]
        return [
            Finding(
                rule: Self.id, severity: .error, file: p.file, function: fn, line: e.line, column: e.column,
                message:
                    "\(e.text) updates \(variable) and \(read.text) at line \(read.line) decides from a separate read whether to undo it: concurrent callers see each other's provisional updates (decide with the update's own result, or hold one lock across both)",
                object: variable.description, statement: Normalise.statement(e.text), witness: witness)
        ]
    }

    /// The first read of the variable, on a path from the update, that a branch tests (not a loop
    /// that only waits), unless a lock held at the update is held throughout: (the read, its block).
    func decidingRead(of v: AccessPath, from block: Int, index: Int, held: Set<String>, _ g: FlowGraph)
        -> (Event, Int)?
    {
        var stack: [(Int, Int, Set<String>)] = [(block, index, held)]
        var seen: Set<Int> = []
        while let (b, start, locks) = stack.popLast() {
            var locks = locks
            let events = g.blocks[b].events
            for (i, e) in events.enumerated() where i >= start {
                if e.kind == .unlock, let l = e.path { locks.remove(l.description) }
                if e.kind == .call, Self.reads.contains(e.callee ?? ""), e.arguments?.first?.path == v {
                    // Read inside the critical section that made the update: serialised.
                    if !locks.isEmpty { return nil }
                    // The block's branch tests it (`atomic_read(&v) > limit`).
                    let decides =
                        g.blocks[b].condition.map { Normalise.statement($0).contains(Normalise.statement(e.text)) }
                        ?? false
                    let waits = g.blocks[b].role == .loopHeader || g.blocks[b].successors.contains { $0.back }
                    return decides && !waits ? (e, b) : nil
                }
                if e.kind == .call, let u = Self.updates[e.callee ?? ""],
                    e.arguments?[safe: u.argument]?.path == v
                {
                    return nil
                }
            }
            for s in g.blocks[b].successors where !s.back && seen.insert(s.target).inserted {
                stack.append((s.target, 0, locks))
            }
        }
        return nil
    }

    /// On one side of the branch: an update of the variable the other way, or a failure return.
    func undoing(_ v: AccessPath, sign: Int, after branch: Int, _ g: FlowGraph) -> Event? {
        var stack = g.blocks[branch].successors.filter { $0.label == .true || $0.label == .false }.map(\.target)
        var seen = Set(stack)
        var steps = 0
        while let b = stack.popLast(), steps < 64 {
            steps += 1
            for e in g.blocks[b].events {
                if e.kind == .call, let u = Self.updates[e.callee ?? ""], u.sign == -sign,
                    e.arguments?[safe: u.argument]?.path == v
                {
                    return e
                }
                if e.kind == .call, e.callee?.hasSuffix("_set") == true, e.arguments?.first?.path == v { return e }
            }
            for s in g.blocks[b].successors where !s.back && seen.insert(s.target).inserted { stack.append(s.target) }
        }
        return nil
    }
}
