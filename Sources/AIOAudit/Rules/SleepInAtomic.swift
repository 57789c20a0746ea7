/// sleep-in-atomic: a call that may sleep, made where the code must not sleep.
public struct SleepInAtomic: Rule {
    public static var isGeneric: Bool { true }
    public static let id = "sleep-in-atomic"
    public static let summary =
        "a call that may sleep under a spinlock, in an RCU section, with interrupts off or in interrupt context"
    public static let rationale = """
        A spinlock's holder, an RCU read-side reader, code with interrupts, bottom halves or \
        preemption disabled, and interrupt or softirq context must not sleep: the scheduler may \
        run another task that spins on the same lock forever, a grace period is held off, or \
        there is no task to put to sleep. Calls that may sleep come from a data table of kernel \
        functions (mutex_lock, wait_event, flush_workqueue, synchronize_rcu, copy_to_user, \
        GFP_KERNEL allocations, vm_munmap, ...) and from the file's own functions whose bodies \
        may sleep, transitively — including the release path that a put runs when it may be the \
        last one. A callee that drops its caller's lock before sleeping is not counted as sleeping.
        """
    public static let exampleContext = ExampleContext.lifetime
    public static let triggering = [
        """
        void ctx_resize(struct ctx *ctx)
        {
        	spin_lock_irq(&ctx->lock);
        	↓mutex_lock(&ctx->ring_lock);	/* may sleep under a spinlock */
        	mutex_unlock(&ctx->ring_lock);
        	spin_unlock_irq(&ctx->lock);
        }
        """,
        """
        void *ctx_buffer(struct ctx *ctx)
        {
        	void *p;

        	rcu_read_lock();
        	p = ↓kmalloc(64, GFP_KERNEL);	/* may sleep in an RCU read-side section */
        	rcu_read_unlock();
        	return p;
        }
        """,
    ]
    public static let nonTriggering = [
        """
        void ctx_resize(struct ctx *ctx)
        {
        	spin_lock_irq(&ctx->lock);
        	ctx->dead = 0;
        	spin_unlock_irq(&ctx->lock);
        	mutex_lock(&ctx->ring_lock);	/* the spinlock is released first */
        	mutex_unlock(&ctx->ring_lock);
        }
        """,
        """
        void *ctx_buffer(struct ctx *ctx)
        {
        	void *p;

        	spin_lock(&ctx->lock);
        	p = kmalloc(64, GFP_ATOMIC);	/* does not sleep */
        	spin_unlock(&ctx->lock);
        	return p;
        }
        """,
    ]

    public init() {}

    public func check(_ p: ProgramPoint) -> [Finding] {
        guard !p.isApproximate else { return [] }
        let e = p.event
        var chain: [ChainStep]
        var what: String
        var object = e.callee ?? ""
        if let c = p.sleepChain {
            chain = c
            what = "\(e.text) may sleep"
            if c.count > 1 { what += " (\(c.dropFirst().map { "\($0.callee)()" }.joined(separator: " → ")))" }
        } else if case .put(let o, let role) = p.action, let release = role?.release, !p.pinnedAfterPut(o),
            let sleeping = p.model.effects[release]?[.sleeps], p.atomicReason != nil
        {
            chain = [ChainStep(function: p.graph.function, line: e.line, callee: release)] + sleeping
            what =
                "\(e.text) may drop the last reference to \(o), and its release \(release)() may sleep (\(sleeping.last?.callee ?? release)())"
            object = o
        } else {
            return []
        }
        // wait_event_interruptible_locked(wq, ...) and wait_event_lock_irq(wq, ..., lock) sleep
        // with the lock they name released: under it alone (interrupts off by it included),
        // they do not sleep atomically.
        if let dropped = KernelFunctions.lockDroppedWhileSleeping(e.callee ?? "", e.arguments ?? []),
            let held = p.state.locks[dropped]
        {
            let others = p.state.locks.filter { $0.key != dropped && $0.value.atomic }
            let irqsFromIt = held.kind.disablesInterrupts ? 1 : 0
            if others.isEmpty, p.state.rcuDepth == 0, p.state.irqDepth <= irqsFromIt { return [] }
        }
        var witness: [WitnessStep] = []
        var severity = Severity.error
        let reason: String
        if let atomic = p.atomicReason {
            witness.append(atomic.step)
            reason = atomic.phrase
        } else if let context = p.contexts.filter({ $0.kind.forbidden.contains(.sleeps) }).sorted(by: {
            $0.kind < $1.kind
        }).first {
            // In interrupt or softirq context these defer instead of sleeping.
            if [.rcuCallback, .timer, .interrupt].contains(context.kind),
                KernelFunctions.defersInInterrupt.contains(chain.last?.callee ?? e.callee ?? "")
            {
                return []
            }
            witness.append(ContextWitness.step(for: context, function: p.graph.function, line: p.graph.line))
            reason = "in \(context.kind.phrase)"
            if context.evidence.source == .profile { severity = .warning }
        } else {
            return []
        }
        witness.append(WitnessStep(line: e.line, column: e.column, function: p.graph.function, message: what))
        for step in chain.dropFirst() {
            witness.append(
                WitnessStep(
                    line: step.line, column: 1, function: step.function,
                    message: "\(step.function)() calls \(step.callee)()"))
        }
        return [
            Finding(
                rule: Self.id, severity: severity, file: p.file, function: p.graph.function, line: e.line,
                column: e.column, message: "\(what) \(reason)", object: object,
                statement: Normalise.statement(e.text), witness: witness)
        ]
    }
}
