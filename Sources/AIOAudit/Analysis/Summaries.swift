/// What a function of the file does that its callers must know, computed callee first from the
/// engine's own run over it: locks it returns holding (always, or only when it returns true —
/// a conditional-lock helper) or releases for its caller, whether it may sleep with no lock of
/// its own held, whether it returns a new reference, which parameters it keeps.

/// A lock named from a callee's point of view: a parameter's path (`p->head->lock`) or a global.
public struct SummaryLock: Hashable, Sendable {
    /// The parameter the path starts from; nil for a global lock.
    public var parameter: Int?
    public var path: AccessPath
    public var kind: LockKind

    /// The lock as the caller names it, given the call's arguments and the caller's aliases.
    func atCall(_ arguments: [CallArgument], aliases: [AccessPath: String]) -> AccessPath? {
        guard let p = atCall(arguments) else { return nil }
        var best: AccessPath?
        for (prefix, _) in aliases where p.hasPrefix(prefix) && prefix != p {
            if best == nil
                || (prefix.components.count, best!.description) > (best!.components.count, prefix.description)
            {
                best = prefix
            }
        }
        return best.map { p.replacingPrefix($0, with: aliases[$0]!) } ?? p
    }

    func atCall(_ arguments: [CallArgument]) -> AccessPath? {
        guard let i = parameter else { return path }
        guard let arg = arguments[safe: i], let base = arg.path else { return nil }
        // The parameter is the lock's address (`epoll_mutex_lock(struct mutex *mutex, ...)`):
        // the lock is what the caller passes, `&ep->mtx` or a pointer it holds.
        if path.components.isEmpty { return base }
        var rest = path.components
        // `f(&req->poll)` with `p->head->lock` inside f: `req->poll.head->lock`.
        rest[0].throughPointer = !arg.addressOf
        if arg.addressOf, base.isVariable { return nil }
        return AccessPath(root: base.root, components: base.components + rest)
    }
}

/// A held context named from a callee's point of view: `rcu_read_lock()`, or an srcu_struct's
/// section through a parameter's path.
public struct SummaryContext: Hashable, Sendable, CustomStringConvertible {
    public var context: String
    /// The srcu_struct, for a section keyed by one.
    public var operand: SummaryLock?
    /// An RCU read-side section (else preemption, interrupts or bottom halves off).
    public var rcu: Bool

    /// As the callee names it: `rcu_read_lock()`, `srcu_read_lock(ssp)`.
    public var description: String { ContextPrimitive.key(context, operand?.path.description ?? "") }

    /// The context's key as the caller names it.
    func atCall(_ arguments: [CallArgument], aliases: [AccessPath: String]) -> String? {
        guard let operand else { return ContextPrimitive.key(context) }
        return operand.atCall(arguments, aliases: aliases).map { ContextPrimitive.key(context, $0.description) }
    }
}

public struct FunctionSummary: Sendable {
    public enum Condition: String, Sendable {
        case always
        case whenTrue = "when it returns true"
        case whenZero = "when it returns 0"
    }

    public var acquires: [(lock: SummaryLock, when: Condition)] = []
    public var releases: [SummaryLock] = []
    /// Its caller's locks it may or may not release, which it cannot tell (handed to a function
    /// pointer): its callers do not judge them either.
    public var obscures: [SummaryLock] = []
    /// Of `releases`, those it declares (sparse's `__releases()`): a caller that does not take one
    /// first releases its own caller's.
    public var declaredReleases: [SummaryLock] = []
    /// Held contexts it returns inside (an RCU section it entered), and its caller's it leaves.
    public var enters: [(context: SummaryContext, when: Condition)] = []
    public var leaves: [SummaryContext] = []
    /// The chain to a sleeping call the function makes holding no lock, RCU section or disabled
    /// interrupts of its own (and without dropping a lock its caller holds).
    public var sleeps: [ChainStep]?
    /// Every object it returns carries a reference the caller now owns (a lookup).
    public var returnsReference = false
    /// Parameters it keeps (stores, queues, hands to a callee that keeps them, or puts).
    public var keeps: Set<Int> = []
    /// Lock classes it takes (itself or in its callees), each with the interrupt state there.
    public var takes: [Acquisition] = []
    /// Parameters it publishes (inserts in a list, stores in a longer-lived object).
    public var publishes: Set<Int> = []
    /// It returns an object it published with no reference of its own left.
    public var returnsUnreferenced: Publication?

    /// It turns interrupts (bottom halves, preemption) off or on for its caller: it is known to
    /// save or restore the flags it is handed.
    public var changesInterrupts: Bool {
        enters.contains { !$0.context.rcu } || leaves.contains { !$0.rcu }
    }
}

/// A return as the engine reached it: the state there, and what it returns.
public struct ReturnRecord {
    public let event: Event
    public let outcome: ReturnOutcome
    /// true/false when the returned value is known to be non-zero/zero.
    public let truth: Bool?
    let state: AbstractState
    /// The variable returned, when a variable is returned.
    public let returned: String?

    public var approximate: Bool { state.approximate }
    public var heldLocks: [String: LockKind] { state.locks.mapValues(\.kind) }
    public func holds(_ lock: String) -> Bool { state.locks[lock] != nil }
    /// The lock is reached through a pointer this return's path found NULL: neither held nor not.
    public func isVacuous(_ lock: String) -> Bool { state.isVacuous(lock) }
    /// The lock, still held here, was handed with its object to a function pointer on the way:
    /// whether the callee released it is not known.
    public func isExposed(_ lock: String) -> Bool { state.locks[lock] != nil && state.exposed.contains(lock) }
    /// Inside an RCU read-side section the function entered (how deep).
    public var rcuDepth: Int { state.rcuDepth }
    /// Where the innermost RCU read-side section still open here was entered.
    public var rcuSectionLine: Int? {
        state.rcuDepth > 0 ? state.rcuSteps.last { $0.kind == .rcuSectionStarts }?.line : nil
    }
    public func lockLine(_ lock: String) -> Int? { state.locks[lock]?.line }
    /// How deep in each held context (`rcu_read_lock()`, `preempt_disable()`) it returns.
    public var contexts: [String: Int] { state.contexts }
    public func depth(_ context: String) -> Int { state.contexts[context] ?? 0 }
    public func contextLine(_ context: String) -> Int? { state.contextLines[context] }
    public func pins(of object: String) -> Pins? { state.objects[object]?.pins }
    public var objects: [String] { state.objects.keys.sorted() }
    public func steps(of object: String) -> [WitnessStep] { state.objects[object]?.releases ?? [] }
}

enum Summaries {
    /// When a function returns holding something that `held` of its returns hold: on every
    /// return, or exactly on those that return non-zero (or zero); nil when neither.
    static func condition(held: [ReturnRecord], of exact: [ReturnRecord]) -> FunctionSummary.Condition? {
        guard !held.isEmpty else { return nil }
        if held.count == exact.count { return .always }
        guard exact.allSatisfy({ $0.truth != nil }) else { return nil }
        for (when, truth) in [(FunctionSummary.Condition.whenTrue, true), (.whenZero, false)]
        where held.allSatisfy({ $0.truth == truth }) && exact.filter({ $0.truth == truth }).count == held.count {
            return when
        }
        return nil
    }

    /// The file's functions, callees before callers (recursion broken where it loops back).
    static func bottomUp(_ model: FileModel) -> [String] {
        var order: [String] = []
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ name: String) {
            guard state[name] == nil, let g = model.graphs[name] else { return }
            state[name] = 1
            var callees: [String] = []
            for e in g.allEvents where e.kind == .call || e.kind == .assignment {
                if let c = e.callee, model.graphs[c] != nil, state[c] == nil { callees.append(c) }
            }
            for c in callees { visit(c) }
            state[name] = 2
            order.append(name)
        }
        for name in model.order { visit(name) }
        return order
    }

    /// Locals assigned exactly once, with the path they were assigned (`ctx = iocb->ki_ctx`,
    /// `head = smp_load_acquire(&req->head)`).
    static func singleAssignments(in g: FlowGraph) -> [(variable: String, source: AccessPath)] {
        var assigned: [String: [AccessPath?]] = [:]
        for e in g.allEvents where e.kind == .assignment {
            guard let t = e.path, t.isVariable, g.locals[t.root] != nil else { continue }
            // `inode = dentry->d_inode` again, read through the alias: `inode = inode`.
            if let v = e.valuePath, v.isVariable, v.root == t.root { continue }
            assigned[t.root, default: []].append(e.valuePath)
        }
        // Assigned once, or each time from the same path (`inode = dentry->d_inode` again after
        // the lock was dropped and retaken).
        return assigned.sorted { $0.key < $1.key }.compactMap { v, sources in
            guard let first = sources.first, let s = first, sources.allSatisfy({ $0 == first }) else { return nil }
            return (v, s)
        }
    }

    /// The parameter (and the path within it) a local holds, when it is assigned once from a
    /// parameter's path.
    static func origins(in g: FlowGraph) -> [String: AccessPath] {
        var result: [String: AccessPath] = [:]
        for (v, s) in singleAssignments(in: g) where g.parameters.contains(where: { $0.name == s.root }) {
            result[v] = s
        }
        return result
    }

    /// Paths the function holds in a variable assigned once (`ctx = iocb->ki_ctx`): a lock a
    /// callee names through the path is named through the variable, as the function names it.
    static func aliases(in g: FlowGraph) -> [AccessPath: String] {
        var result: [AccessPath: String] = [:]
        for (v, s) in singleAssignments(in: g) where !s.isVariable && result[s] == nil { result[s] = v }
        return result
    }

    /// A lock key of the function as its callers can name it.
    static func summaryLock(_ key: String, kind: LockKind, in g: FlowGraph, origins: [String: AccessPath])
        -> SummaryLock?
    {
        var path = AccessPath.parse(key)
        if let origin = origins[path.root] {
            path = AccessPath(root: origin.root, components: origin.components + path.components)
        }
        if let i = g.parameters.firstIndex(where: { $0.name == path.root }) {
            return SummaryLock(parameter: i, path: path, kind: kind)
        }
        if g.locals[path.root] != nil { return nil }
        return SummaryLock(parameter: nil, path: path, kind: kind)
    }

    static func summarise(
        _ g: FlowGraph, returns: [ReturnRecord], heldOnEntry: Set<String>, releasedOnEntry: Set<String>,
        sleeps: [ChainStep]?, keeps: Set<Int>, model: FileModel
    ) -> FunctionSummary {
        var s = FunctionSummary()
        s.keeps = keeps
        let exact = returns.filter { !$0.approximate }
        guard !exact.isEmpty, exact.count == returns.count else { return s }
        let origins = origins(in: g)
        var keys: Set<String> = []
        for r in exact { keys.formUnion(r.heldLocks.keys) }
        for key in keys.sorted() where !heldOnEntry.contains(key) {
            let relevant = exact.filter { !$0.isVacuous(key) }
            let held = relevant.filter { $0.holds(key) }
            guard let kind = held.first?.heldLocks[key],
                let lock = summaryLock(key, kind: kind, in: g, origins: origins)
            else { continue }
            if let when = condition(held: held, of: relevant) { s.acquires.append((lock, when)) }
        }
        for key in releasedOnEntry.sorted()
        where exact.allSatisfy({ !$0.holds(key) || $0.isVacuous(key) }) && !exact.contains(where: { $0.isExposed(key) })
        {
            if let lock = summaryLock(key, kind: .spinlock, in: g, origins: origins) {
                s.releases.append(lock)
                let declared = (g.lockAnnotations ?? []).contains {
                    $0.kind == .releases && ($0.lock == key || $0.lock == lock.path.description)
                }
                if declared {
                    s.declaredReleases.append(lock)
                }
            }
        }
        // Held contexts the same way: returns inside an RCU section it entered, always or when
        // it returns true, or leaves its caller's.
        func summaryContext(_ key: String) -> SummaryContext? {
            guard let (context, operand) = ContextPrimitive.parse(key) else { return nil }
            let rcu = ContextPrimitive.isRCU(key)
            guard let operand else { return SummaryContext(context: context, operand: nil, rcu: rcu) }
            return summaryLock(operand, kind: .spinlock, in: g, origins: origins).map {
                SummaryContext(context: context, operand: $0, rcu: rcu)
            }
        }
        let contextKeys = Set(exact.flatMap { $0.contexts.keys })
        for key in contextKeys.sorted() {
            guard let c = summaryContext(key) else { continue }
            if exact.allSatisfy({ $0.depth(key) < 0 }) {
                s.leaves.append(c)
            } else if exact.allSatisfy({ $0.depth(key) >= 0 }),
                let when = condition(held: exact.filter { $0.depth(key) > 0 }, of: exact)
            {
                s.enters.append((c, when))
            }
        }
        // A function that drops its caller's lock or leaves its caller's held context (to sleep, as
        // often as not: fs_pin.c's pin_kill() leaves the RCU section, then schedules) is not
        // counted as sleeping under it; a put sleeps only when it is the last, which its callers
        // judge.
        if releasedOnEntry.isEmpty && s.leaves.isEmpty && model.roles[g.function]?.kind != .put { s.sleeps = sleeps }
        let returnedObjects = exact.compactMap { r in r.returned.flatMap { v in r.pins(of: v).map { (r, $0) } } }
        s.returnsReference =
            !returnedObjects.isEmpty && returnedObjects.allSatisfy { $0.1.counted > 0 && $0.1.taken }
        return s
    }
}
