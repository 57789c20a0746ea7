/// A static lockdep: the file's lock classes, how each is used with respect to interrupts, and the
/// order in which classes are taken, from every function's acquisitions (LockUse).
///
/// lockdep's reasoning, from the paths instead of a running kernel: a class taken in interrupt
/// context (an interrupt handler, a wake-up callback, which runs under its wait queue head's lock
/// with interrupts off, or anything they call) is IRQ-safe; one taken with interrupts enabled is
/// IRQ-unsafe; the same for softirqs (timers, RCU callbacks) and softirqs enabled. An edge A -> B
/// says B was taken while A was held (not by a trylock, which cannot deadlock).
public struct LockOrder: Sendable {
    /// Where a usage was seen: a function of the file (and the chain to the lock), or the kernel.
    public struct Witness: Sendable, Hashable {
        public var function: String?
        public var line: Int
        public var column: Int
        public var text: String
        public var chain: [ChainStep]
        /// Why this usage counts ("in interrupt context", "with interrupts enabled").
        public var why: String
        /// The context comes from the era profile, not from the file.
        public var fromProfile = false
    }

    public struct ClassInfo: Sendable {
        public var name: String
        public var kind: LockKind
        /// Known only from the kernel-function table (the file never takes it itself).
        public var kernel = false
        public var inHardirq: Witness?
        public var inSoftirq: Witness?
        public var hardirqOn: Witness?
        public var softirqOn: Witness?

        public var irqSafe: Bool { inHardirq != nil }
        public var irqUnsafe: Bool { hardirqOn != nil }
    }

    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        /// The function that holds `from` (taken at `heldLine`) while it takes `to`.
        public var function: String
        public var heldLine: Int
        public var acquisition: Acquisition
    }

    public var classes: [String: ClassInfo] = [:]
    /// The first witness of each ordered pair, in the file's order.
    public var edges: [Edge] = []

    public init() {}

    public func successors(of c: String) -> [Edge] { edges.filter { $0.from == c } }

    /// A path of edges from `start` to `goal`, shortest first.
    public func path(from start: String, to goal: String) -> [Edge]? {
        var previous: [String: Edge] = [:]
        var queue = [start]
        var seen: Set<String> = [start]
        while !queue.isEmpty {
            let c = queue.removeFirst()
            for e in successors(of: c) where seen.insert(e.to).inserted {
                previous[e.to] = e
                if e.to == goal {
                    var path: [Edge] = []
                    var at = goal
                    while let p = previous[at] {
                        path.insert(p, at: 0)
                        at = p.from
                        if at == start { break }
                    }
                    return path
                }
                queue.append(e.to)
            }
        }
        return nil
    }

    /// Every cycle of the order graph, once each (as its edges, starting at the earliest edge).
    public var cycles: [[Edge]] {
        var result: [[Edge]] = []
        var seen: Set<[String]> = []
        for e in edges {
            guard let back = path(from: e.to, to: e.from) else { continue }
            let cycle = [e] + back
            let key = cycle.map(\.from).sorted()
            guard seen.insert(key).inserted else { continue }
            result.append(cycle)
        }
        return result
    }

    static func build(uses: [String: LockUse], model: FileModel) -> LockOrder {
        var order = LockOrder()
        let functions = model.order.filter { uses[$0] != nil }
        var callers: [String: [CallSite]] = [:]
        for f in functions { for c in uses[f]!.calls { callers[c.callee, default: []].append(c) } }

        // Interrupt-like contexts, and what they call.
        func kinds(_ f: String) -> [EntryContext] { model.contexts[f] ?? [] }
        // function -> the context and the function that entered it (itself, or a caller).
        var inHardirq: [String: (context: EntryContext, origin: String)] = [:]
        var inSoftirq: [String: (context: EntryContext, origin: String)] = [:]
        for f in functions {
            if let c = kinds(f).first(where: { $0.kind == .interrupt || $0.kind == .wakeupCallback }) {
                inHardirq[f] = (c, f)
            }
            if let c = kinds(f).first(where: { $0.kind == .timer || $0.kind == .rcuCallback }) { inSoftirq[f] = (c, f) }
        }
        func propagate(_ set: inout [String: (context: EntryContext, origin: String)]) {
            var work = Array(set.keys).sorted()
            while let f = work.popLast() {
                for c in (uses[f]?.calls ?? []).sorted(by: { $0.line < $1.line }) where set[c.callee] == nil {
                    set[c.callee] = set[f]
                    work.append(c.callee)
                }
            }
        }
        func phrase(_ entry: (context: EntryContext, origin: String), _ f: String) -> String {
            let reached = entry.origin == f ? "" : ", called from \(entry.origin)()"
            return "in \(entry.context.kind.phrase) (\(f)()\(reached))"
        }
        propagate(&inHardirq)
        propagate(&inSoftirq)

        // Functions every caller of which calls with interrupts (softirqs) off: static, called
        // in the file (directly, or through a field the file stores them in), never from outside.
        func calledOff(_ off: (CallSite) -> Bool) -> Set<String> {
            var result = Set(functions.filter { model.graphs[$0]?.isStatic == true && callers[$0] != nil })
            var changed = true
            while changed {
                changed = false
                for f in result.sorted() {
                    let ok = callers[f]!.allSatisfy { c in
                        off(c) || result.contains(c.caller) || inHardirq[c.caller] != nil
                    }
                    if !ok {
                        result.remove(f)
                        changed = true
                    }
                }
            }
            return result
        }
        let hardOff = calledOff { $0.hardirqsOff }
        let softOff = calledOff { $0.softirqsOff || $0.hardirqsOff }

        func witness(_ a: Acquisition, _ why: String, profile: Bool = false) -> Witness {
            Witness(
                function: a.function, line: a.line, column: a.column, text: a.text, chain: a.chain, why: why,
                fromProfile: profile)
        }
        var edgeKeys: Set<String> = []
        for f in functions {
            let ordered = Acquisition.ordered(uses[f]!.acquisitions)
            for a in ordered {
                var info = order.classes[a.lockClass] ?? ClassInfo(name: a.lockClass, kind: a.kind)
                if KernelLocks.byName[a.lockClass] != nil { info.kernel = true }
                if a.kind.lockClass.spins {
                    let hard = inHardirq[f]
                    let soft = inSoftirq[f]
                    if let hard, info.inHardirq == nil {
                        info.inHardirq = witness(a, phrase(hard, f), profile: hard.context.evidence.source == .profile)
                    }
                    if let soft, info.inSoftirq == nil {
                        info.inSoftirq = witness(a, phrase(soft, f), profile: soft.context.evidence.source == .profile)
                    }
                    let hardOn = !a.hardirqsOff && hard == nil && !hardOff.contains(f)
                    let softOn = hardOn && !a.softirqsOff && soft == nil && !softOff.contains(f)
                    if hardOn, info.hardirqOn == nil { info.hardirqOn = witness(a, "with interrupts enabled") }
                    if softOn, info.softirqOn == nil { info.softirqOn = witness(a, "with softirqs enabled") }
                }
                order.classes[a.lockClass] = info
                guard !a.isTry else { continue }
                for h in a.held where edgeKeys.insert("\(h.lockClass)|\(a.lockClass)").inserted {
                    order.edges.append(
                        Edge(from: h.lockClass, to: a.lockClass, function: f, heldLine: h.line, acquisition: a))
                }
            }
        }
        // What the kernel says of its own classes.
        for (name, k) in KernelLocks.byName
        where order.classes[name] != nil || order.edges.contains(where: { $0.from == name }) {
            var info = order.classes[name] ?? ClassInfo(name: name, kind: k.kind, kernel: true)
            func kernel(_ why: String) -> Witness {
                Witness(function: nil, line: 0, column: 0, text: "", chain: [], why: "\(why) (\(k.evidence))")
            }
            if k.inHardirq, info.inHardirq == nil { info.inHardirq = kernel("in interrupt context") }
            if k.hardirqOn, info.hardirqOn == nil { info.hardirqOn = kernel("with interrupts enabled") }
            if k.hardirqOn, info.softirqOn == nil { info.softirqOn = kernel("with softirqs enabled") }
            order.classes[name] = info
        }
        return order
    }
}
