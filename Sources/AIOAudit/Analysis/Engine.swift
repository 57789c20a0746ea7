/// The dataflow engine: explores each function's paths with the abstract state, classifies every
/// event against the file model (a get, a put, a request-pin release, a dereference of a tracked
/// object), and lets the rules look at each program point. It knows nothing of any rule.

public struct AnalysisResult: Sendable {
    public var findings: [Finding]
    public var summaries: [String: FunctionSummary] = [:]
    /// Functions over the path budget: "not analysed: too many paths".
    public var notAnalysed: [(function: String, line: Int)]
    /// The file's lock classes, their interrupt usage and the order they are taken in.
    public var lockOrder = LockOrder()
}

public struct Engine {
    public let model: FileModel
    public let file: String
    public let rules: [Rule]
    /// Program-point visits per function before it is given up as "too many paths".
    public var budget = 200_000
    /// Distinct states kept per block; beyond, the function is over budget.
    public var statesPerBlock = 64

    public init(model: FileModel, file: String, rules: [Rule]) {
        self.model = model
        self.file = file
        self.rules = rules
    }

    public func run() -> AnalysisResult {
        var findings: [Finding] = []
        var skipped: [(String, Int)] = []
        // The kernel's lock helpers from its headers, unless the file defines its own.
        var summaries = KernelSummaries.table.filter { model.graphs[$0.key] == nil }
        var lockUses: [String: LockUse] = [:]
        // Sorted by kind once: a cast of an existential costs a search of the conformances.
        let functionRules = rules.compactMap { $0 as? FunctionRule }
        let fileRules = rules.compactMap { $0 as? FileRule }
        // Callees first, so that each call can be read through its callee's summary.
        for name in Summaries.bottomUp(model) {
            guard let g = model.graphs[name] else { continue }
            guard let r = analyse(g, summaries: summaries) else {
                skipped.append((name, g.line))
                continue
            }
            findings += r.findings
            let publications = model.publications(in: g, summaries: summaries)
            let run = FunctionRun(
                graph: g, model: model, file: file, returns: r.returns, heldOnEntry: Set(r.facts.heldOnEntry.keys),
                unreliableLocks: r.facts.unreliableLocks, summaries: summaries, publications: publications)
            for rule in functionRules { findings += rule.finish(run) }
            summaries[name] = Summaries.summarise(
                g, returns: r.returns, heldOnEntry: Set(r.facts.heldOnEntry.keys),
                releasedOnEntry: r.facts.releasedOnEntry, sleeps: r.sleeps,
                keeps: keptParameters(g, summaries: summaries), model: model)
            summaries[name]?.takes = Self.takes(r.locks)
            // Its caller's locks whose fate it cannot tell: not its callers' to judge either.
            let origins = Summaries.origins(in: g)
            let obscured = r.facts.heldOnEntry.keys.filter { key in
                r.facts.unreliableLocks.contains(key) || r.returns.contains { $0.isExposed(key) }
            }
            summaries[name]?.obscures = obscured.sorted().compactMap {
                Summaries.summaryLock($0, kind: r.facts.heldOnEntry[$0]!, in: g, origins: origins)
            }
            let publishes = model.publishedParameters(g, summaries: summaries)
            let unreferenced = model.returnsUnreferenced(g, publications: publications)
            summaries[name]?.publishes = publishes
            summaries[name]?.returnsUnreferenced = unreferenced
            lockUses[name] = r.locks
        }
        // The file as a whole: the lock-order graph and the classes' interrupt usage.
        let order = LockOrder.build(uses: lockUses, model: model)
        let fileRun = FileRun(model: model, file: file, lockOrder: order)
        for rule in fileRules { findings += rule.finish(fileRun) }
        let lines = model.lines
        for i in findings.indices {
            findings[i].statement = WrittenStatement.at(
                line: findings[i].line, column: findings[i].column, in: lines, printed: findings[i].statement)
            // Steps known only by their line point at the statement that starts it.
            for k in findings[i].witness.indices where findings[i].witness[k].column <= 1 {
                findings[i].witness[k].column = WrittenStatement.firstColumn(
                    line: findings[i].witness[k].line, in: lines)
            }
        }
        var seen: Set<String> = []
        findings = findings.filter {
            seen.insert("\($0.rule)|\($0.function)|\($0.line)|\($0.column)|\($0.object)").inserted
        }
        findings.sort { ($0.line, $0.column, $0.rule) < ($1.line, $1.column, $1.rule) }
        let firstOnly = Set(rules.filter { type(of: $0).firstPerObject }.map { type(of: $0).id })
        if !firstOnly.isEmpty {
            var first: [String: Int] = [:]
            var kept: [Finding] = []
            for f in findings {
                let key = "\(f.rule)|\(f.function)|\(f.object)"
                guard firstOnly.contains(f.rule) else {
                    kept.append(f)
                    continue
                }
                if let i = first[key] {
                    kept[i].witness.append(
                        WitnessStep(
                            line: f.line, column: f.column, function: f.function,
                            message: "\(f.statement) touches \(f.object) the same way"))
                } else {
                    first[key] = kept.count
                    kept.append(f)
                }
            }
            findings = kept
        }
        skipped.sort { $0.1 < $1.1 }
        return AnalysisResult(
            findings: findings, summaries: summaries.filter { model.graphs[$0.key] != nil }, notAnalysed: skipped,
            lockOrder: order)
    }

    // MARK: One function

    struct FunctionFacts {
        var putsWithoutGet: Set<String> = []
        var requestReleased: Set<String> = []
        var isRelease = false
        var heldOnEntry: [String: LockKind] = [:]
        /// Locks the function releases without taking them (its caller's).
        var releasedOnEntry: Set<String> = []
        var unreliableLocks: Set<String> = []
        /// Variables the function returns by name: their success/failure values are followed.
        var returnedVariables: Set<String> = []
        /// Paths held in variables, to name a callee's locks as the function does.
        var aliases: [AccessPath: String] = [:]
        /// Variables holding a field the function itself stores into.
        var storedAliases: Set<String> = []
        /// block -> what its branch condition tests.
        var conditionTests: [Int: ConditionTest] = [:]
        /// block -> the plain variable its condition tests, and whether the test is negated.
        var branchVariables: [Int: (variable: String, negated: Bool)] = [:]
        /// block -> the plain variable a switch dispatches on, when another switch does too.
        var switchVariables: [Int: String] = [:]
        /// The variables in branchVariables and switchVariables.
        var correlated: Set<String> = []
        /// The pointers the function's locks are reached through (`dentry`, `dentry->d_inode` for
        /// `dentry->d_inode->i_lock`), its callees' included: a test that finds one NULL is
        /// remembered on the path.
        var lockBases: Set<String> = []
        /// The locks as the function names them (its lock and unlock events, its callees' summaries).
        var lockPaths: Set<String> = []
        /// Variables assigned an RCU-protected pointer (`table = rcu_dereference(mm->ioctx_table)`):
        /// what is loaded through them is found under RCU.
        var rcuDerived: Set<String> = []
        /// Variables that hold saved interrupt flags.
        var savedFlags: Set<String> = []
    }

    /// What the function does to its objects as a whole; `actions` are its events' meanings.
    func facts(of g: FlowGraph, actions: [[Action]], summaries: [String: FunctionSummary]) -> FunctionFacts {
        var f = FunctionFacts()
        f.aliases = Summaries.aliases(in: g)
        let stored = Set(g.allEvents.filter { $0.kind == .assignment }.compactMap { $0.path }.filter { !$0.isVariable })
        for (path, variable) in f.aliases where stored.contains(path) { f.storedAliases.insert(variable) }
        let pathAssignments: [(AccessPath, String)] = g.allEvents.compactMap { a in
            guard a.kind == .assignment, let t = a.path, t.isVariable,
                let src = a.valuePath ?? Self.addressAssigned(a), !src.isVariable
            else {
                return nil
            }
            return (src, t.root)
        }
        var gets: Set<String> = []
        var puts: Set<String> = []
        for (e, action) in zip(g.allEvents, actions.joined()) {
            // A try-get takes the reference the function later puts: it is not inherited.
            if let o = tryGetObject(e) { gets.insert(o) }
            switch action {
            case .get(let o): gets.insert(o)
            case .put(let o, _): puts.insert(o)
            case .requestPinRelease(let o): f.requestReleased.insert(o)
            default: break
            }
        }
        f.putsWithoutGet = puts.subtracting(gets)
        f.isRelease = model.releaseFunctions.contains(g.function)
        // Locks the function says its caller holds (lockdep_assert_held()).
        // Of the lock's own kind (a mutex asserted held makes nothing atomic), as the file takes it.
        for e in g.allEvents where e.kind == .call && KernelFunctions.lockAssertions.contains(e.callee ?? "") {
            if let p = e.arguments?.first?.path {
                f.heldOnEntry[p.description] = model.lockKind(
                    of: p.description, in: g, spinning: e.callee == "assert_spin_locked")
            }
        }
        var annotated: Set<String> = []
        // sparse's annotations: __must_hold(x) and __releases(x) say the caller holds x on entry.
        for a in g.lockAnnotations ?? [] where a.kind != .acquires && f.heldOnEntry[a.lock] == nil {
            f.heldOnEntry[a.lock] = model.lockKind(of: a.lock, in: g, spinning: false)
            annotated.insert(a.lock)
        }
        // The caller's locks: a lock the function releases where no path from its entry took it
        // first (a lock taken on some path is taken as the function's own, so that correlated
        // branches, `if (x) lock; ... if (x) unlock;`, stay quiet). Decided by a forward analysis
        // over the graph, not by the blocks' order: the right operand of `&&` (a trylock) gets
        // its block after the branches it guards.
        func taking(_ e: Event) -> [String] {
            // A callee that returns holding a lock (always or when it succeeds) takes it.
            if e.kind == .call, let c = e.callee, let s = summaries[c] {
                return s.acquires.compactMap { $0.lock.atCall(e.arguments ?? [], aliases: f.aliases)?.description }
            }
            guard e.kind == .lock, let p = e.path else { return [] }
            // Taken through a path that a variable is later assigned from: the same lock.
            return [p.description]
                + pathAssignments.filter { p.hasPrefix($0.0) }.map { p.replacingPrefix($0.0, with: $0.1).description }
        }
        let takenBefore = Self.takenOnSomePath(g, taking: taking)
        for e in g.allEvents {
            var paths: [AccessPath] = []
            if e.kind == .lock || e.kind == .unlock, let p = e.path { paths.append(p) }
            if e.kind == .call, let c = e.callee, let s = summaries[c] {
                let locks = s.acquires.map(\.lock) + s.releases
                paths += locks.compactMap { $0.atCall(e.arguments ?? [], aliases: f.aliases) }
            }
            for p in paths {
                f.lockPaths.insert(p.description)
                for n in 0..<p.components.count {
                    f.lockBases.insert(AccessPath(root: p.root, components: Array(p.components.prefix(n))).description)
                }
            }
        }
        // A lock asserted held where no path here took it (ep_remove_file(): lockdep_assert_held(),
        // then spin_unlock()) is the caller's as an annotated one is.
        for block in g.blocks {
            var locked = takenBefore[block.id] ?? []
            for e in block.events {
                if e.kind == .call, KernelFunctions.lockAssertions.contains(e.callee ?? ""),
                    let p = e.arguments?.first?.path, !locked.contains(p.description)
                {
                    annotated.insert(p.description)
                }
                locked.formUnion(taking(e))
            }
        }
        for block in g.blocks {
            var locked = takenBefore[block.id] ?? []
            for e in block.events {
                // An annotated lock (__releases, __must_hold) is the caller's wherever it is
                // released, even after a loop took it again.
                // So is a lock a callee declares it releases (dcache's dentry_unlink_inode():
                // __releases(dentry->d_inode->i_lock)), when no path here took it first.
                var released: [(String, LockKind)] = []
                if e.kind == .unlock, let p = e.path { released.append((p.description, e.lockKind ?? .spinlock)) }
                if e.kind == .call, let c = e.callee, let s = summaries[c] {
                    for lock in s.declaredReleases {
                        if let p = lock.atCall(e.arguments ?? [], aliases: f.aliases) {
                            released.append((p.description, lock.kind))
                        }
                    }
                }
                for (p, kind) in released
                where (!locked.contains(p) && f.heldOnEntry[p] == nil) || annotated.contains(p) {
                    // An annotated lock keeps its kind; released here, it is the caller's.
                    if f.heldOnEntry[p] == nil { f.heldOnEntry[p] = kind }
                    f.releasedOnEntry.insert(p)
                }
                locked.formUnion(taking(e))
            }
        }
        // A flag handed by address to a callee the file cannot see into (a function pointer:
        // io_uring's `req->io_task_work.func(req, &locked)`), then tested: the callee may have taken
        // the lock the function releases under the test. Which paths hold it is not visible.
        let handedFlags = Set(
            g.allEvents.filter(\.isIndirectCall)
                .flatMap { $0.arguments ?? [] }.filter { $0.addressOf && $0.path?.isVariable == true }
                .map { $0.path!.root })
        if !handedFlags.isEmpty,
            g.blocks.contains(where: { b in
                b.condition.flatMap { Self.branchVariable($0, g) }.map { handedFlags.contains($0.variable) } ?? false
            })
        {
            for lock in f.releasedOnEntry where !annotated.contains(lock) { f.unreliableLocks.insert(lock) }
        }
        // A callee that cannot tell whether it releases its caller's lock (it hands the lock's
        // object to a function pointer): the lock is not judged here either.
        for e in g.allEvents where e.kind == .call {
            guard let c = e.callee, let s = summaries[c] else { continue }
            for lock in s.obscures {
                if let p = lock.atCall(e.arguments ?? [], aliases: f.aliases) {
                    f.unreliableLocks.insert(p.description)
                }
            }
        }
        for e in g.allEvents {
            if e.kind == .return, let v = e.value, g.locals[v] != nil { f.returnedVariables.insert(v) }
            if e.kind == .assignment, let c = e.callee, KernelFunctions.isRCULookup(c), let t = e.path, t.isVariable {
                f.rcuDerived.insert(t.root)
            }
        }
        for block in g.blocks {
            if let c = block.condition {
                f.conditionTests[block.id] = ConditionTest(c, g, f)
                if let v = Self.branchVariable(c, g) { f.branchVariables[block.id] = v }
            }
        }
        // Only a variable tested more than once, or tested after it was given a known truth
        // (`struct mutex *m = NULL; ... m = &x->lock; ... if (m) mutex_unlock(m)`), correlates
        // anything: recording the others would only split the paths' states.
        var tests: [String: Int] = [:]
        for v in f.branchVariables.values { tests[v.variable, default: 0] += 1 }
        for e in g.allEvents where e.kind == .assignment {
            if let t = e.path, t.isVariable, tests[t.root] != nil, Self.knownTruth(ofAssigned: e.value) != nil {
                tests[t.root, default: 0] += 1
            }
        }
        // Returned, a tested variable tells the caller which way it went (`(void)__cond_lock(l,
        // ret); return ret;`).
        for v in f.returnedVariables where tests[v] != nil { tests[v, default: 0] += 1 }
        f.branchVariables = f.branchVariables.filter { (tests[$0.value.variable] ?? 0) > 1 }
        f.correlated = Set(f.branchVariables.values.map(\.variable))
        // A variable switched on twice (`switch (cmd)` to take a value, `switch (cmd)` again to
        // clean it up): the second switch takes the case the first took.
        var switches: [String: Int] = [:]
        for block in g.blocks where block.successors.contains(where: { $0.label == .case }) {
            if let c = block.condition, let (v, negated) = Self.branchVariable(c, g), !negated {
                f.switchVariables[block.id] = v
                switches[v, default: 0] += 1
            }
        }
        f.switchVariables = f.switchVariables.filter { (switches[$0.value] ?? 0) > 1 }
        f.correlated.formUnion(f.switchVariables.values)
        // The saved interrupt flags: what local_irq_save() and the irqsave locks save into, or a
        // callee that saves or restores them is handed. A callee that is handed them otherwise
        // (`finish(x, flags)`) may restore them: which paths have interrupts off is not visible.
        for e in g.allEvents {
            var flags: CallArgument?
            if let (_, entry) = ContextPrimitive.at(e), entry.kind == .interrupts {
                flags = e.arguments?.first
            } else if e.kind == .lock || e.kind == .unlock, e.lockKind?.taking == .irqsave {
                flags = e.arguments?[safe: 1]
            } else if e.kind == .call, let c = e.callee, summaries[c]?.changesInterrupts == true {
                for a in e.arguments ?? [] where a.path?.isVariable == true { f.savedFlags.insert(a.path!.root) }
            }
            if let root = flags?.path?.root, flags?.path?.isVariable == true { f.savedFlags.insert(root) }
        }
        for e in g.allEvents where handsOnSavedFlags(e, f, summaries) {
            f.unreliableLocks.insert(ContextPrimitive.key("local_irq_save"))
            f.unreliableLocks.insert(ContextPrimitive.key("local_irq_disable"))
        }
        // A trylock or conditional-lock helper whose result is not branched on at once: which
        // paths hold the lock is not visible.
        for block in g.blocks {
            for (i, e) in block.events.enumerated() {
                let branchedOn = Self.resultBranchedOn(block, i)
                if e.kind == .lock, e.lockKind?.isTry == true, !branchedOn, let p = e.path {
                    f.unreliableLocks.insert(p.description)
                }
                if e.kind == .call, let c = e.callee, let s = summaries[c] {
                    for (lock, when) in s.acquires where when != .always && !branchedOn {
                        if let p = lock.atCall(e.arguments ?? [], aliases: f.aliases) {
                            f.unreliableLocks.insert(p.description)
                        }
                    }
                    for (context, when) in s.enters where when != .always && !branchedOn {
                        if let key = context.atCall(e.arguments ?? [], aliases: f.aliases) {
                            f.unreliableLocks.insert(key)
                        }
                    }
                }
            }
        }
        return f
    }

    /// A call that is handed the saved interrupt flags without being known to save or restore
    /// them (a context primitive, a callee whose summary says so).
    func handsOnSavedFlags(_ e: Event, _ f: FunctionFacts, _ summaries: [String: FunctionSummary]) -> Bool {
        guard e.kind == .call, !f.savedFlags.isEmpty, ContextPrimitive.at(e) == nil,
            (e.arguments ?? []).contains(where: { f.savedFlags.contains($0.path?.root ?? "") })
        else { return false }
        return summaries[e.callee ?? ""]?.changesInterrupts != true
    }

    /// block -> the locks taken on some path from the entry to the block's start (blocks the
    /// entry does not reach are absent).
    static func takenOnSomePath(_ g: FlowGraph, taking: (Event) -> [String]) -> [Int: Set<String>] {
        var blocks: [Int: BasicBlock] = [:]
        for b in g.blocks { blocks[b.id] = b }
        var before: [Int: Set<String>] = [g.entry: []]
        var work = [g.entry]
        while let id = work.popLast() {
            guard let b = blocks[id], var after = before[id] else { continue }
            for e in b.events { after.formUnion(taking(e)) }
            // Along paths from the entry, not around loops: a lock a loop drops first and retakes
            // last (`do { unlock; schedule(); lock; } while (...)`) is still its caller's.
            for edge in b.successors where !edge.back {
                let merged = before[edge.target].map { $0.union(after) } ?? after
                if merged != before[edge.target] {
                    before[edge.target] = merged
                    work.append(edge.target)
                }
            }
        }
        return before
    }

    /// Pins of a tracked variable when it comes into being (entry for parameters, assignment for
    /// locals).
    func initialPins(
        _ variable: String, parameter: Bool, facts: FunctionFacts, fromContainer: Bool, fromCall: Bool = false
    ) -> Pins {
        var p = Pins()
        if facts.isRelease && (parameter || fromContainer) {
            p.owned = true
            return p
        }
        // An object a call hands back (a new request, a lookup's result) may come with references
        // the function owns but cannot count (aio_get_req() sets the count to 2): its puts are
        // not known to be its last.
        if fromCall { p.opaque = true }
        if facts.putsWithoutGet.contains(variable) { p.inherited = true }
        if facts.requestReleased.contains(variable) { p.request = true }
        // A parameter is pinned by its caller for the whole call (the convention for functions
        // called from outside the file; inside it, the caller's own pins hold across the call).
        if parameter {
            p.caller = true
        } else if !p.inherited && !p.request {
            p.opaque = true
        }
        return p
    }

    struct FunctionResult {
        var findings: [Finding]
        var returns: [ReturnRecord]
        var facts: FunctionFacts
        var sleeps: [ChainStep]?
        var locks: LockUse
    }

    func analyse(_ g: FlowGraph, summaries: [String: FunctionSummary] = [:]) -> FunctionResult? {
        // What each event means does not depend on the path: classified once.
        let actions = g.blocks.map { b in b.events.map { classify($0, in: g) } }
        let sleepChains = g.blocks.map { b in b.events.map { Sleeping.chain(of: $0, in: g, summaries: summaries) } }
        let facts = facts(of: g, actions: actions, summaries: summaries)
        var returns: [ReturnRecord] = []
        var sleeps: [ChainStep]?
        let entryLocks = Set(facts.heldOnEntry.keys)
        var entry = AbstractState()
        // Locks the function requires (assert_spin_locked, lockdep_assert_held) or releases
        // without taking were held on entry.
        for (lock, kind) in facts.heldOnEntry {
            entry.locks[lock] = HeldLock(kind: kind, line: g.line, atomic: kind.lockClass.spins)
        }
        for p in g.parameters where model.isTracked(AccessPath(root: p.name), in: g) {
            entry.objects[p.name] = ObjectState(
                pins: initialPins(p.name, parameter: true, facts: facts, fromContainer: false))
        }
        var findings: [Finding] = []
        var locks = LockUse()
        let entryHeld = entryHeldClasses(g)
        var seen: [Set<AbstractState>] = Array(repeating: [], count: g.blocks.count)
        var widened: [AbstractState?] = Array(repeating: nil, count: g.blocks.count)
        var work: [(Int, AbstractState)] = [(g.entry, entry)]
        var visits = 0
        while let (b, incoming) = work.popLast() {
            guard !seen[b].contains(incoming) else { continue }
            var start = incoming
            if seen[b].count >= statesPerBlock {
                // Too many distinct paths here: go on with their join, which holds every pin any
                // of them holds (quieter, never noisier), and converges.
                let joined = widened[b].map { $0.joined(with: incoming) } ?? incoming
                if joined == widened[b] { continue }
                widened[b] = joined
                start = joined
            } else {
                seen[b].insert(incoming)
            }
            var state = start
            let block = g.blocks[b]
            for (i, e) in block.events.enumerated() {
                visits += 1
                if visits > budget { return nil }
                let action = actions[b][i]
                let point = ProgramPoint(
                    event: e, action: action, state: state, graph: g, model: model, file: file, summaries: summaries,
                    heldOnEntry: entryLocks, unreliableLocks: facts.unreliableLocks, sleepChain: sleepChains[b][i])
                for r in rules { findings += r.check(point) }
                if e.kind == .return { returns.append(record(e, state, g, facts)) }
                if sleeps == nil, !state.isAtomic, let chain = sleepChains[b][i] {
                    sleeps = chain
                }
                recordLocks(
                    e, state, g, summaries, entryHeld: entryHeld, callerLocks: entryLocks,
                    releasedOnly: facts.releasedOnEntry, into: &locks)
                transfer(&state, e, action, g, facts, summaries)
            }
            for edge in block.successors {
                var next = state
                // A variable tested again, unassigned since: only the way it went before.
                if let (v, negated) = facts.branchVariables[block.id], edge.label == .true || edge.label == .false {
                    let truth = (edge.label == .true) != negated
                    if let known = next.branches[v], known != truth { continue }
                    next.branches[v] = truth
                    // A lock reached through a pointer found NULL here is nobody's: not taken, and
                    // not the caller's (`if (inode) spin_unlock(&inode->i_lock)`).
                    if !truth { next.dropLocks(rootedAt: v) }
                }
                // A variable switched on again, unassigned since: only the case it took before.
                if let v = facts.switchVariables[block.id] {
                    if edge.label == .case, let value = edge.detail {
                        if let known = next.cases[v], known != value { continue }
                        next.cases[v] = value
                    } else if edge.label == .default, let known = next.cases[v],
                        block.successors.contains(where: { $0.label == .case && $0.detail == known })
                    {
                        continue
                    }
                }
                refine(&next, block: block, edge: edge, g, facts, summaries)
                work.append((edge.target, next))
            }
        }
        return FunctionResult(findings: findings, returns: returns, facts: facts, sleeps: sleeps, locks: locks)
    }

    func record(_ e: Event, _ s: AbstractState, _ g: FlowGraph, _ facts: FunctionFacts) -> ReturnRecord {
        let v = e.value.flatMap { facts.returnedVariables.contains($0) ? $0 : nil }
        var outcome = e.outcome ?? .unknown
        var truth: Bool?
        switch e.value {
        case "true", "1": truth = true
        case "false", "0": truth = false
        default: break
        }
        if let v, outcome == .unknown, let known = s.values[v] {
            outcome = known
            // An int that is 0 on success, non-zero on failure.
            if !(g.type(of: v) ?? "").contains("*"), known != .unknown { truth = known == .failure }
        }
        // A negative errno (`return -EAGAIN`) from a function returning an int is non-zero.
        if truth == nil, e.outcome == .failure, !g.returnType.contains("*"), let text = e.value,
            text.hasPrefix("-")
        {
            truth = true
        }
        // A returned variable this path tested, or found NULL.
        if truth == nil, let v, let known = s.branches[v] ?? (s.nullPointers.contains(v) ? false : nil) {
            truth = known
        }
        let returned = e.value.flatMap { s.objects[$0] != nil ? $0 : nil }
        return ReturnRecord(event: e, outcome: outcome, truth: truth, state: s, returned: returned)
    }

    /// Parameters the function keeps: stored into another object, or passed to a callee that
    /// keeps them (a file function's summary, a kernel function that queues or stores).
    func keptParameters(_ g: FlowGraph, summaries: [String: FunctionSummary]) -> Set<Int> {
        var kept: Set<Int> = []
        for (i, p) in g.parameters.enumerated() where model.isTracked(AccessPath(root: p.name), in: g) {
            for e in g.allEvents where Handoff.keeps(p.name, e, in: g, model: model, summaries: summaries) {
                kept.insert(i)
            }
            // A parameter it puts, on any path (eventpoll's ep_remove()): its caller's reference
            // goes with it.
            for e in g.allEvents {
                if case .put(let o, _) = classify(e, in: g), o == p.name { kept.insert(i) }
            }
        }
        return kept
    }

    // MARK: Meaning of events

    public func classify(_ e: Event, in g: FlowGraph) -> Action {
        switch e.kind {
        case .dereference:
            if let p = e.path, p.isVariable, model.isTracked(p, in: g) { return .dereference(object: p.root) }
        case .unlock:
            if let lock = e.path, let owner = lock.owner, owner.isVariable, model.isTracked(owner, in: g) {
                return .ownLockRelease(object: owner.root, lock: lock.description)
            }
        case .decrement:
            if let p = e.path, p.components.count == 1,
                model.isPinCounter(AccessPath(root: p.root), p.components[0].name, in: g),
                model.isTracked(AccessPath(root: p.root), in: g)
            {
                return .requestPinRelease(object: p.root)
            }
        case .call:
            guard let callee = e.callee else { break }
            let args = e.arguments ?? []
            if let role = model.roles[callee], let arg = args[safe: role.parameter], let p = arg.path, p.isVariable,
                model.isTracked(p, in: g)
            {
                switch role.kind {
                case .get: return .get(object: p.root)
                case .tryGet: return .other  // counted on the branch where it succeeded
                case .put: return .put(object: p.root, role: role)
                }
            }
            if let (object, field) = FileModel.fieldOf(args.first), model.isTracked(object, in: g),
                let t = model.type(of: object, in: g), model.refcountFields[t]?.contains(field) == true
            {
                if KernelFunctions.getPrimitives.contains(callee) { return .get(object: object.root) }
                if KernelFunctions.putWithRegisteredRelease.contains(callee)
                    || KernelFunctions.putWithRelease.contains(callee)
                    || KernelFunctions.decrementAndTest.contains(callee)
                {
                    let release =
                        model.registeredRelease(t, field)?.release
                        ?? (KernelFunctions.putWithRelease.contains(callee) ? args[safe: 1]?.text : nil)
                        ?? model.counterReleases["\(t).\(field)"]?.release
                    let role = release.map {
                        RefcountRole(
                            function: callee, kind: .put, parameter: 0, type: t, field: field, release: $0,
                            evidence: model.registeredRelease(t, field)?.evidence
                                ?? model.counterReleases["\(t).\(field)"]?.evidence
                                ?? Evidence(source: .inferred, function: g.function, line: e.line, detail: e.text))
                    }
                    return .put(object: object.root, role: role)
                }
            }
            if let indices = model.requestPinReleases[callee] {
                for i in indices.sorted() {
                    if let p = args[safe: i]?.path, p.isVariable, model.isTracked(p, in: g) {
                        return .requestPinRelease(object: p.root)
                    }
                }
            }
            if KernelFunctions.decrements.contains(callee),
                let (object, field) = FileModel.fieldOf(args.last), model.isPinCounter(object, field, in: g),
                model.isTracked(object, in: g)
            {
                return .requestPinRelease(object: object.root)
            }
        default:
            break
        }
        return .other
    }

    /// Locks and held contexts a callee's summary says it returns holding, under `when`.
    func applyLocks(
        _ summary: FunctionSummary, _ when: FunctionSummary.Condition, _ e: Event, _ s: inout AbstractState,
        _ g: FlowGraph, _ facts: FunctionFacts
    ) {
        for (lock, w) in summary.acquires where w == when {
            guard let p = lock.atCall(e.arguments ?? [], aliases: facts.aliases) else { continue }
            s.locks[p.description] = HeldLock(
                kind: lock.kind, line: e.line, atomic: lock.kind.lockClass.spins)
            if lock.kind.disablesInterrupts { s.irqDepth += 1 }
        }
        for (context, w) in summary.enters where w == when {
            guard let key = context.atCall(e.arguments ?? [], aliases: facts.aliases) else { continue }
            enter(&s, key, context.rcu ? .rcu : .interrupts, e, g)
        }
    }

    /// What a branch says of the values followed: `if (ret)`, `if (!ctx)`, `if (IS_ERR(ctx))`,
    /// `if (ret < 0)`.
    /// What a branch condition tests, worked out once per block: `ret`, `ret < 0`, `ctx`,
    /// `NULL != ctx`, `IS_ERR(ctx)`.
    struct ConditionTest {
        /// A returned int variable tested for non-zero, or for `< 0`.
        var value: String?
        var negativeOnly = false
        /// A pointer tested against NULL: its name, and whether the true edge means non-NULL.
        var pointer: String?
        var nonNullWhenTrue = true
        /// `IS_ERR(x)`: x is an error where the condition holds.
        var error: String?

        init(_ condition: String, _ g: FlowGraph, _ facts: FunctionFacts) {
            // Byte-wise: this runs for every branch of every function.
            let c = String(decoding: condition.utf8.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }, as: UTF8.self)
            if facts.returnedVariables.contains(c), !(g.type(of: c) ?? "*").contains("*") { value = c }
            if c.hasSuffix("<0"), facts.returnedVariables.contains(String(c.dropLast(2))) {
                value = String(c.dropLast(2))
                negativeOnly = true
            }
            var tested = c
            if c.hasPrefix("NULL!=") { tested = String(c.dropFirst(6)) }
            if c.hasSuffix("!=NULL") { tested = String(c.dropLast(6)) }
            if c.hasPrefix("NULL==") || c.hasSuffix("==NULL") {
                tested = String(c.hasPrefix("NULL==") ? c.dropFirst(6) : c.dropLast(6))
                nonNullWhenTrue = false
            }
            let arrow = tested.utf8.indices.contains { i in
                tested.utf8[i] == UInt8(ascii: "-") && tested.utf8.index(after: i) < tested.utf8.endIndex
                    && tested.utf8[tested.utf8.index(after: i)] == UInt8(ascii: ">")
            }
            // A field reached with `.` (`param.file = fget(fd); if (!param.file)`) too: what the
            // test finds NULL holds no reference and no lock.
            let field = tested.contains(".") && AccessPath.parse(tested).description == tested
            if arrow || field || (g.type(of: tested) ?? "").contains("*") { pointer = tested }
            for test in ["IS_ERR(", "IS_ERR_OR_NULL("] where c.hasPrefix(test) && c.hasSuffix(")") {
                error = String(c.dropFirst(test.count).dropLast())
            }
        }
    }

    /// Whether the block's branch tests the result of its `i`th event: the last event, or a call
    /// whose result the last event stores in the variable the branch tests (`s = lock_sig(t);
    /// if (!s)`).
    static func resultBranchedOn(_ block: BasicBlock, _ i: Int) -> Bool {
        guard let condition = block.condition else { return false }
        let n = block.events.count
        if i == n - 1 { return true }
        guard i == n - 2, block.events[i].kind == .call else { return false }
        let stored = block.events[n - 1]
        guard stored.kind == .assignment, stored.callee == block.events[i].callee, let v = stored.path, v.isVariable
        else { return false }
        return condition.filter { !$0.isWhitespace } == v.root
    }

    /// The lock (or other object) whose address an assignment stores in a variable:
    /// `m1 = &dentry->d_sb->s_vfs_rename_mutex`; nil for anything else.
    static func addressAssigned(_ e: Event) -> AccessPath? {
        guard e.kind == .assignment, e.path?.isVariable == true, e.callee == nil, let v = e.value,
            v.drop(while: \.isWhitespace).hasPrefix("&")
        else { return nil }
        return GraphBuilder.writtenPath(v)
    }

    /// Whether a value assigned to a variable makes it zero (`NULL`, `0`, `false`) or non-zero (an
    /// address, `true`, a non-zero literal) for the branches that test it later.
    static func knownTruth(ofAssigned value: String?) -> Bool? {
        guard let v = value?.filter({ !$0.isWhitespace }), !v.isEmpty else { return nil }
        switch v {
        case "NULL", "0", "false", "(void*)0": return false
        case "true": return true
        default: break
        }
        if v.hasPrefix("&") { return true }
        if let n = Int(v) { return n != 0 }
        return nil
    }

    /// The plain variable (a parameter or local, not a call or a field) a condition tests for
    /// truth: `need_lock`, `!tep`, `unlikely(needs_lock)`; nil for anything else.
    static func branchVariable(_ condition: String, _ g: FlowGraph) -> (variable: String, negated: Bool)? {
        var c = Substring(condition.filter { !$0.isWhitespace })
        var negated = false
        while true {
            if c.hasPrefix("!") {
                negated.toggle()
                c = c.dropFirst()
            } else if let inner = ["unlikely(", "likely(", "("].first(where: { c.hasPrefix($0) }), c.hasSuffix(")") {
                c = c.dropFirst(inner.count).dropLast()
            } else {
                break
            }
        }
        guard let first = c.first, first.isLetter || first == "_",
            c.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), g.type(of: String(c)) != nil
        else { return nil }
        return (String(c), negated)
    }

    func refineValues(
        _ s: inout AbstractState, test t: ConditionTest, nonZero: Bool, lockBases: Set<String>, returned: Set<String>
    ) {
        if let v = t.value {
            if !t.negativeOnly {
                s.values[v] = nonZero ? .failure : .success
            } else if nonZero {
                s.values[v] = .failure
            }
        }
        // A pointer tested against NULL or an error: where it is one, there is no object, and no
        // lock reached through it (`if (dentry->d_inode) unlock_inode(dentry)`).
        if let p = t.pointer, nonZero != t.nonNullWhenTrue {
            s.objects.removeValue(forKey: p)
            if lockBases.contains(p) { s.pointerFoundNull(p) }
        }
        if let e = t.error, nonZero { s.objects.removeValue(forKey: e) }
        // A returned pointer tested with IS_ERR(): an error where it is one, not where it is not.
        if let e = t.error, returned.contains(e) { s.values[e] = nonZero ? .failure : .success }
    }

    /// The variable a try-get (a file's try-get role, or a primitive on one of its fields) acts on.
    func tryGetObject(_ e: Event) -> String? {
        guard e.kind == .call, let callee = e.callee else { return nil }
        let args = e.arguments ?? []
        if let role = model.roles[callee], role.kind == .tryGet, let p = args[safe: role.parameter]?.path, p.isVariable
        {
            return p.root
        }
        if KernelFunctions.tryGetPrimitives.contains(callee), let (o, _) = FileModel.fieldOf(args.first) {
            return o.root
        }
        return nil
    }

    /// Branch-specific facts: a try-get took a reference only where it succeeded; a trylock
    /// holds its lock only where it succeeded.
    func refine(
        _ s: inout AbstractState, block: BasicBlock, edge: Edge, _ g: FlowGraph, _ facts: FunctionFacts,
        _ summaries: [String: FunctionSummary] = [:]
    ) {
        guard block.condition != nil, edge.label == .true || edge.label == .false else { return }
        let succeeded = edge.label == .true
        if let test = facts.conditionTests[block.id] {
            refineValues(
                &s, test: test, nonZero: succeeded, lockBases: facts.lockBases, returned: facts.returnedVariables)
        }
        guard var last = block.events.last else { return }
        // `s = lock_sig(t); if (!s)`: the call's result is what the branch tests.
        if block.events.count >= 2, Self.resultBranchedOn(block, block.events.count - 2) {
            last = block.events[block.events.count - 2]
        }
        if last.kind == .call, let callee = last.callee {
            let args = last.arguments ?? []
            if let o = tryGetObject(last), succeeded, model.isTracked(AccessPath(root: o), in: g) {
                s.objects[o, default: ObjectState()].pins.counted += 1
                s.objects[o]?.pins.rcuFound = false
                s.objects[o]?.pins.taken = true
                s.objects[o]?.releases.append(
                    step(last, g, .referenceTaken, "\(last.text) succeeds: a reference to \(o)"))
            }
            if let summary = summaries[callee] {
                applyLocks(summary, succeeded ? .whenTrue : .whenZero, last, &s, g, facts)
            }
            // Where a decrement-and-test reached zero, the code owns the object until it frees it.
            if KernelFunctions.decrementAndTest.contains(callee), succeeded, let (o, _) = FileModel.fieldOf(args.first),
                s.objects[o.root] != nil
            {
                s.objects[o.root]?.pins.owned = true
            }
        }
        if last.kind == .lock, last.lockKind?.isTry == true, let p = last.path {
            // mutex_lock_interruptible and friends succeed when they return 0.
            let zeroIsSuccess = [
                "mutex_lock_interruptible", "mutex_lock_killable", "down_read_killable", "down_write_killable",
            ]
            .contains(last.callee ?? "")
            let holds = zeroIsSuccess ? !succeeded : succeeded
            // A failed trylock removes only what it took, never a lock the caller holds.
            if !holds, let held = s.locks[p.description], held.tryLine == last.line {
                s.locks.removeValue(forKey: p.description)
                if held.kind.isTryDisablingInterrupts { s.irqDepth = max(0, s.irqDepth - 1) }
            }
        }
    }
}
