/// drain-race: new work counted after a teardown's flag was tested outside the critical section
/// that orders the count against the teardown's wait.
public struct DrainRace: Rule {
    public static let id = "drain-race"
    public static let summary = "new work counted after testing a teardown's flag outside the lock that orders them"
    public static let rationale = """
        A teardown that sets a flag (dead, closing, shutdown) and then waits for a counter of \
        in-flight work to drain is only correct if no work is counted after the wait saw zero. \
        A path that tests the flag and then counts new work must do both in one critical \
        section with the teardown's flag store (or test the flag again after counting, and undo \
        it): otherwise the teardown can set the flag and finish its wait between the test and \
        the increment, and the new work runs on a torn-down object \
        (Documentation/memory-barriers.txt: a test followed by a separate update is not atomic). \
        The teardowns are inferred: a function that sets a flag on an object and then waits, \
        itself or through a callee, for one of the object's pin counters. An increment made \
        while the path holds a reference whose release is the teardown is exempt: the teardown \
        cannot start before that reference is dropped.
        """
    public static let exampleContext = ExampleContext.lifetime + ExampleContext.drainingCtx
    public static let triggering = [
        """
        int ctx_submit(struct ctx *ctx)
        {
        	if (ctx->dead)
        		return -EINVAL;
        	spin_lock_irq(&ctx->lock);
        	↓ctx->reqs_active++;	/* the teardown may have waited already */
        	spin_unlock_irq(&ctx->lock);
        	return 0;
        }
        """
    ]
    public static let nonTriggering = [
        """
        int ctx_submit(struct ctx *ctx)
        {
        	spin_lock_irq(&ctx->lock);
        	if (ctx->dead) {
        		spin_unlock_irq(&ctx->lock);
        		return -EINVAL;
        	}
        	ctx->reqs_active++;	/* under the lock the teardown sets dead under */
        	spin_unlock_irq(&ctx->lock);
        	return 0;
        }
        """
    ]

    public init() {}

    public func check(_ p: ProgramPoint) -> [Finding] {
        let e = p.event
        let g = p.graph
        guard !p.model.drains.isEmpty, let (object, counter) = Self.counted(e),
            let t = p.model.type(of: AccessPath(root: object), in: g),
            let drain = p.model.drains.first(where: { $0.type == t && $0.counter == counter }),
            let (block, index) = g.position(of: e)
        else { return [] }
        // The teardown is the release of a reference this path holds: it cannot run until that
        // reference is dropped, so the count cannot come after its wait.
        if p.model.releaseFunctions.contains(drain.function), p.pins(of: object)?.taken == true { return [] }
        let flag = "\(object)->\(drain.flag)"
        let held = Set(p.heldLocks.map(\.lock))
        guard let test = unorderedTest(of: flag, before: block, index: index, held: held, g),
            !testedAgain(flag, after: e, g)
        else { return [] }
        let fn = g.function
        let witness = [
            WitnessStep(
                line: drain.flagLine, column: 1, function: drain.function,
                message: "\(drain.flagText) marks \(object) torn down"),
            WitnessStep(
                line: drain.wait.line ?? drain.flagLine, column: 1, function: drain.wait.function ?? drain.function,
                message: "the teardown waits for \(drain.counter) to drain: \(drain.wait.detail)"),
            WitnessStep(
                line: test.line, column: 1, function: fn,
                message: "\(flag) is tested here, outside the critical section of the count"),
            WitnessStep(line: e.line, column: e.column, function: fn, message: "\(e.text) counts new work"),
        ]
        return [
            Finding(
                rule: Self.id, severity: .error, file: p.file, function: fn, line: e.line, column: e.column,
                message:
                    "\(e.text) counts new work on \(object) after testing \(flag) at line \(test.line) outside the critical section of the count: \(drain.function)() can set it and finish waiting for \(drain.counter) to drain in between (test it again after counting, or test and count under one lock)",
                object: "\(object)->\(drain.counter)", statement: Normalise.statement(e.text), witness: witness)
        ]
    }

    /// `x->c++`, `x->c += n`, `atomic_inc(&x->c)`, `list_add(&req->list, &x->c)`: (x, c).
    static func counted(_ e: Event) -> (String, String)? {
        func field(_ p: AccessPath?) -> (String, String)? {
            guard let p, p.components.count == 1, p.components[0].throughPointer else { return nil }
            return (p.root, p.components[0].name)
        }
        if e.kind == .increment { return field(e.path) }
        guard e.kind == .call, let c = e.callee, let args = e.arguments else { return nil }
        if ["atomic_inc", "atomic_add", "atomic_long_inc", "atomic_long_add", "percpu_ref_get", "refcount_inc"]
            .contains(c)
        {
            return field(args.last?.path)
        }
        if ["list_add", "list_add_tail"].contains(c) { return field(args[safe: 1]?.path) }
        return nil
    }

    /// Whether a condition tests `flag` (`ctx->dead`, not `ctx->dead_count`).
    static func tests(_ condition: String?, _ flag: String) -> Bool {
        guard let c = condition.map({ Normalise.statement($0) }), let r = c.range(of: flag) else { return false }
        let after = c[r.upperBound...].first
        return !(after.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false)
    }

    /// A test of the flag on a path to the count with no lock held at the count held since the
    /// test: its block.
    func unorderedTest(of flag: String, before block: Int, index: Int, held: Set<String>, _ g: FlowGraph)
        -> (line: Int, block: Int)?
    {
        let preds = g.predecessors()
        // (block, the locks held at the count not yet seen taken going backwards, the start?)
        var stack: [(Int, Set<String>, Bool)] = [(block, held, true)]
        var seen: Set<Int> = []
        while let (b, reaching, isStart) = stack.popLast() {
            var locks = reaching
            let events = g.blocks[b].events
            // A predecessor's condition is evaluated after its events: with what is held then.
            if !isStart, Self.tests(g.blocks[b].condition, flag) {
                if locks.isEmpty { return (g.blocks[b].conditionLine ?? events.last?.line ?? g.line, b) }
                continue
            }
            for e in events[..<(isStart ? index : events.count)].reversed() where e.kind == .lock {
                // Taken between the test and the count: the test was outside it.
                if let l = e.path?.description { locks.remove(l) }
            }
            for pred in preds[b] where seen.insert(pred).inserted { stack.append((pred, locks, false)) }
        }
        return nil
    }

    /// A test of the flag after the count, on some path.
    func testedAgain(_ flag: String, after e: Event, _ g: FlowGraph) -> Bool {
        guard let start = g.position(of: e)?.block else { return false }
        var stack = [start]
        var seen: Set<Int> = [start]
        while let b = stack.popLast() {
            if Self.tests(g.blocks[b].condition, flag) { return true }
            for s in g.blocks[b].successors where !s.back && seen.insert(s.target).inserted { stack.append(s.target) }
        }
        return false
    }
}
