/// What each function does with lock classes, as the engine's paths reach it: every acquisition
/// with the classes held there and whether interrupts and softirqs are off, and every call of a
/// function of the file with the same. The file's lock-order graph (LockOrder) is built from them.

/// A lock class held where another is taken.
public struct HeldClass: Hashable, Sendable {
    public var lockClass: String
    /// Where it was taken, in the function that takes the other.
    public var line: Int
}

/// One acquisition of a lock class: in the function, or inside a callee (then `chain` leads to it).
public struct Acquisition: Hashable, Sendable {
    public var lockClass: String
    public var kind: LockKind
    public var function: String
    public var line: Int
    public var column: Int
    /// The statement that takes it (the call, when a callee does).
    public var text: String
    /// The classes held there (the one taken excluded), by class.
    public var held: [HeldClass]
    /// Hard interrupts, and softirqs, are off where it is taken (by the function or the lock
    /// itself: `spin_lock_irq()` takes its lock with interrupts off).
    public var hardirqsOff: Bool
    public var softirqsOff: Bool
    public var isTry: Bool
    /// From the function to the primitive that takes it, through the file's functions.
    public var chain: [ChainStep]
    /// Taken after the function dropped a lock its caller holds (`spin_unlock(&pool->lock);
    /// create_worker(); spin_lock(&pool->lock)`): the caller's locks are not held then (its
    /// interrupt state is still taken as the callee's: the quieter reading).
    public var afterCallerLockDropped = false
}

extension Acquisition {
    var tieBreak: String {
        let h = held.map { "\($0.lockClass)@\($0.line)" }
        let c = chain.map { "\($0.function):\($0.line):\($0.callee)" }
        return "\(h)|\(hardirqsOff)|\(softirqsOff)|\(isTry)|\(afterCallerLockDropped)|\(c)|\(kind.word)"
    }

    /// In a total order (the file's order first, then everything else), so that the first
    /// witness is always the same; the tie-break key is worked out only for ties.
    static func ordered(_ all: Set<Acquisition>) -> [Acquisition] {
        let byPlace = all.sorted { ($0.line, $0.column, $0.lockClass) < ($1.line, $1.column, $1.lockClass) }
        var out: [Acquisition] = []
        out.reserveCapacity(byPlace.count)
        var i = 0
        while i < byPlace.count {
            let a = byPlace[i]
            var j = i + 1
            while j < byPlace.count,
                (byPlace[j].line, byPlace[j].column, byPlace[j].lockClass) == (a.line, a.column, a.lockClass)
            {
                j += 1
            }
            if j - i == 1 {
                out.append(a)
            } else {
                out += byPlace[i..<j].map { ($0, $0.tieBreak) }.sorted { $0.1 < $1.1 }.map(\.0)
            }
            i = j
        }
        return out
    }
}

/// A call of a function of the file, with the interrupt state there.
public struct CallSite: Hashable, Sendable {
    public var caller: String
    public var callee: String
    public var line: Int
    public var hardirqsOff: Bool
    public var softirqsOff: Bool
}

public struct LockUse: Sendable {
    public var acquisitions: Set<Acquisition> = []
    public var calls: Set<CallSite> = []
}

extension AbstractState {
    /// Hard interrupts off: an irq or irqsave lock held, or local_irq_save()/local_irq_disable()
    /// (or not known, once the saved flags went to a helper).
    var hardirqsOff: Bool {
        interruptsUnknown || locks.values.contains { $0.kind.taking == .irq || $0.kind.taking == .irqsave }
            || (contexts[ContextPrimitive.key("local_irq_save")] ?? 0) > 0
            || (contexts[ContextPrimitive.key("local_irq_disable")] ?? 0) > 0
    }

    /// Softirqs off: hard interrupts off, a _bh lock held, or local_bh_disable().
    var softirqsOff: Bool {
        hardirqsOff || locks.values.contains { $0.kind.taking == .bh }
            || (contexts[ContextPrimitive.key("local_bh_disable")] ?? 0) > 0
    }
}

extension FileModel {
    /// A lock's class as lockdep would name it, from the way the function names the lock:
    /// `ctx->ctx_lock` with ctx a `struct kioctx *` is `kioctx.ctx_lock`; a global is its name.
    /// nil for a lock the function reaches through a local of no known type.
    public func lockClass(_ key: String, in g: FlowGraph) -> String? {
        let p = AccessPath.parse(key)
        if p.isVariable {
            let local = g.locals[p.root] != nil || g.parameters.contains { $0.name == p.root }
            return local ? nil : p.root
        }
        // The kernel's own locks, however the file reaches them (`ctx->mm->mmap_sem`).
        if let field = p.components.last?.name, let known = KernelLocks.byField[field] { return known }
        guard p.components.first?.throughPointer == true, p.components.first?.name != "*",
            var t = type(of: AccessPath(root: p.root), in: g)
        else { return nil }
        // Through pointer fields whose type the file shows: `iocb->ki_ctx->ctx_lock` is kioctx's.
        var rest = p.components
        while rest.count > 1, rest[1].throughPointer, let next = fieldTypes["\(t).\(rest[0].name)"] {
            t = next
            rest.removeFirst()
        }
        return t + "." + AccessPath(root: "", components: rest).description.dropFirst(2)
    }
}

extension Engine {
    /// Classes held on entry: a wake-up callback runs under the lock of the wait queue it waits
    /// on (which one, the file does not say: a class of its own).
    func entryHeldClasses(_ g: FlowGraph) -> [HeldClass] {
        guard model.contexts[g.function]?.contains(where: { $0.kind == .wakeupCallback }) == true else { return [] }
        return [HeldClass(lockClass: "(the wait queue of \(g.function)()).lock", line: g.line)]
    }

    /// Records what the event takes, and the calls of the file's functions, with the state here.
    func recordLocks(
        _ e: Event, _ s: AbstractState, _ g: FlowGraph, _ summaries: [String: FunctionSummary], entryHeld: [HeldClass],
        callerLocks: Set<String>, releasedOnly: Set<String>, into use: inout LockUse
    ) {
        guard e.kind == .lock || e.kind == .call else { return }
        let dropped = s.callerLockDropped || callerLocks.contains { s.locks[$0] == nil }
        let hard = s.hardirqsOff
        let soft = s.softirqsOff
        // The classes held here, worked out once for the event (and only if it takes one). A
        // lock known to be held on entry only because the function releases it (it may come
        // from a callee's return value the summaries cannot name) orders nothing.
        var heldHere: [HeldClass]?
        func held(except c: String) -> [HeldClass] {
            if heldHere == nil {
                var h = entryHeld
                for (key, lock) in s.locks where !releasedOnly.contains(key) {
                    if let c = model.lockClass(key, in: g) { h.append(HeldClass(lockClass: c, line: lock.line)) }
                }
                heldHere = h.sorted { ($0.lockClass, $0.line) < ($1.lockClass, $1.line) }
            }
            return heldHere!.filter { $0.lockClass != c }
        }
        /// One acquisition at this event; `ours` when the caller's locks are still held then.
        func add(
            _ c: String, _ kind: LockKind, hardirqsOff: Bool, softirqsOff: Bool, isTry: Bool = false,
            chain: [ChainStep], ours: Bool = true
        ) {
            use.acquisitions.insert(
                Acquisition(
                    lockClass: c, kind: kind, function: g.function, line: e.line, column: e.column, text: e.text,
                    held: ours ? held(except: c) : [], hardirqsOff: hardirqsOff, softirqsOff: softirqsOff,
                    isTry: isTry, chain: chain, afterCallerLockDropped: dropped || !ours))
        }
        if e.kind == .lock {
            guard let p = e.path, let c = model.lockClass(p.description, in: g) else { return }
            let kind = e.lockKind ?? .spinlock
            let off = hard || kind.taking == .irq || kind.taking == .irqsave
            add(
                c, kind, hardirqsOff: off, softirqsOff: off || soft || kind.taking == .bh, isTry: kind.isTry,
                chain: [ChainStep(function: g.function, line: e.line, callee: e.callee ?? "")])
            return
        }
        guard let callee = e.callee else { return }
        let step = ChainStep(function: g.function, line: e.line, callee: callee)
        // The kernel's function, unless the file defines its own (2.6's use_mm()).
        if let k = KernelLocks.taking[callee], model.graphs[callee] == nil {
            let off = hard || k.kind.disablesInterrupts
            add(k.name, k.kind, hardirqsOff: off, softirqsOff: off || soft, chain: [step])
        }
        if let field = KernelLocks.takingQueueLock[callee], let q = e.arguments?.first?.path,
            let queue = model.lockClass(q.description, in: g)
        {
            add("\(queue).\(field)", LockKind(.spinlock, .irqsave), hardirqsOff: true, softirqsOff: true, chain: [step])
        }
        // A call through a field (`kiocb->ki_cancel(...)`) calls what the file stores there.
        let targets = [callee] + model.callbacks(calledAs: callee)
        for target in targets {
            for t in summaries[target]?.takes ?? [] {
                // Taken after the callee dropped a lock of ours: what we hold says nothing of it.
                add(
                    t.lockClass, t.kind, hardirqsOff: hard || t.hardirqsOff, softirqsOff: soft || t.softirqsOff,
                    isTry: t.isTry, chain: [ChainStep(function: g.function, line: e.line, callee: target)] + t.chain,
                    ours: !t.afterCallerLockDropped)
            }
        }
        for target in targets where model.graphs[target] != nil {
            use.calls.insert(
                CallSite(caller: g.function, callee: target, line: e.line, hardirqsOff: hard, softirqsOff: soft))
        }
    }

    /// What a function's callers read of its acquisitions: each class it takes, once per
    /// interrupt state, with the chain to where it is taken.
    static func takes(_ use: LockUse) -> [Acquisition] {
        var seen: Set<String> = []
        var result: [Acquisition] = []
        let ordered = Acquisition.ordered(use.acquisitions)
        for a in ordered where a.chain.count < 8 {
            guard seen.insert("\(a.lockClass)|\(a.hardirqsOff)|\(a.softirqsOff)|\(a.isTry)").inserted else { continue }
            var t = a
            t.held = []
            result.append(t)
            if result.count >= 64 { break }
        }
        return result
    }
}
