/// The engine's transfer function: what each event does to the abstract state, one function per
/// kind of event, then what the event means for the object it touches.
extension Engine {
    func step(_ e: Event, _ g: FlowGraph, _ kind: WitnessStep.Kind, _ message: String) -> WitnessStep {
        WitnessStep(line: e.line, column: e.column, function: g.function, message: message, kind: kind)
    }

    func transfer(
        _ s: inout AbstractState, _ e: Event, _ action: Action, _ g: FlowGraph, _ facts: FunctionFacts,
        _ summaries: [String: FunctionSummary] = [:]
    ) {
        // A variable whose address a call is given may change: its branch is open again.
        if e.kind == .call, !s.branches.isEmpty || !s.cases.isEmpty {
            for a in e.arguments ?? [] where a.addressOf && a.path?.isVariable == true {
                s.branches.removeValue(forKey: a.path!.root)
                s.cases.removeValue(forKey: a.path!.root)
            }
        }
        // A call or a store that hands a reference on (see Handoff) transfers it.
        if e.kind == .call || e.kind == .assignment {
            for (name, obj) in s.objects where obj.pins.taken && !obj.pins.handedOff {
                if Handoff.keeps(name, e, in: g, model: model, summaries: summaries) {
                    s.objects[name]?.pins.handedOff = true
                }
            }
        }
        // A function pointer handed an object whose lock the caller holds may release it. A lock
        // the function took itself stays its own to release: an error return that keeps it is
        // judged whatever callback it called.
        if e.isIndirectCall, !s.locks.isEmpty {
            let handed = Set((e.arguments ?? []).compactMap { $0.path?.root })
            for key in s.locks.keys where facts.heldOnEntry[key] != nil && handed.contains(AccessPath.parse(key).root) {
                s.exposed.insert(key)
            }
        }
        switch e.kind {
        case .lock: lockTaken(&s, e)
        case .unlock: lockReleased(&s, e, action, g)
        case .rcuReadLock, .rcuReadUnlock: contextChanged(&s, e, g)
        case .call:
            contextChanged(&s, e, g)
            called(&s, e, g, facts, summaries)
            if handsOnSavedFlags(e, facts, summaries) {
                // It may restore them: interrupts are taken as on again for what sleeping and lock
                // balance judge, and as unknown for lock usage (quieter, never noisier).
                s.interruptsUnknown = true
                for key in [ContextPrimitive.key("local_irq_save"), ContextPrimitive.key("local_irq_disable")] {
                    if let d = s.contexts[key], d > 0 {
                        s.contexts[key] = nil
                        s.irqDepth = max(0, s.irqDepth - d)
                    }
                }
            }
        case .assignment: assigned(&s, e, g, facts, summaries)
        default: break
        }
        meaning(&s, e, action, g, facts)
    }

    /// A held context entered or left by a primitive (rcu_read_lock(), preempt_disable(), ...).
    func contextChanged(_ s: inout AbstractState, _ e: Event, _ g: FlowGraph) {
        guard let (key, entry) = ContextPrimitive.at(e) else { return }
        if entry.enters { enter(&s, key, entry.kind, e, g) } else { leave(&s, key, entry.kind, e, g) }
    }

    func enter(_ s: inout AbstractState, _ key: String, _ kind: ContextPrimitive.Kind, _ e: Event, _ g: FlowGraph) {
        s.contexts[key, default: 0] += 1
        s.contextLines[key] = e.line
        switch kind {
        case .rcu:
            s.rcuDepth += 1
            s.rcuSteps.append(step(e, g, .rcuSectionStarts, "\(e.text) starts an RCU read-side section"))
        case .interrupts:
            s.irqDepth += 1
        }
    }

    func leave(_ s: inout AbstractState, _ key: String, _ kind: ContextPrimitive.Kind, _ e: Event, _ g: FlowGraph) {
        let d = (s.contexts[key] ?? 0) - 1
        s.contexts[key] = d == 0 ? nil : max(d, -1)
        switch kind {
        case .rcu:
            s.rcuDepth = max(0, s.rcuDepth - 1)
            s.rcuSteps.append(step(e, g, .rcuSectionEnds, "\(e.text) ends the RCU read-side section"))
        case .interrupts:
            // local_irq_restore() after spin_lock_irqsave() + spin_unlock(): interrupts on again.
            s.irqDepth = max(0, s.irqDepth - 1)
        }
    }

    /// A lock taken: held from here, and interrupts off while an irq/bh lock is held. A trylock
    /// of a lock already held (the caller's) leaves it held whatever it returns.
    func lockTaken(_ s: inout AbstractState, _ e: Event) {
        if let p = e.path, e.lockKind?.isTry == true, s.locks[p.description] != nil { return }
        if let p = e.path {
            s.locks[p.description] = HeldLock(
                kind: e.lockKind ?? .spinlock, line: e.line, atomic: Sleeping.isSpinning(e.callee ?? ""),
                tryLine: e.lockKind?.isTry == true ? e.line : nil)
        }
        if e.lockKind?.disablesInterrupts == true { s.irqDepth += 1 }
        if e.lockKind?.isTryDisablingInterrupts == true { s.irqDepth += 1 }
    }

    /// A lock released: the unlock of an object's own lock also releases that pin.
    func lockReleased(_ s: inout AbstractState, _ e: Event, _ action: Action, _ g: FlowGraph) {
        if let p = e.path {
            s.unlockedAt[p.description] = e.line
            s.exposed.remove(p.description)
        }
        if let p = e.path, let held = s.locks.removeValue(forKey: p.description) {
            interruptsRestored(&s, by: e, releasing: held)
            let disabled =
                held.kind.disablesInterrupts || (held.kind.isTry && e.lockKind?.isPlainSpinning != true)
            if disabled || e.lockKind?.disablesInterrupts == true { s.irqDepth = max(0, s.irqDepth - 1) }
            if case .ownLockRelease(let o, _) = action, var obj = s.objects[o] {
                if !obj.pins.any { obj.pins.released = true }
                obj.releases.append(step(e, g, .ownLockReleased, "\(e.text) releases \(o)'s own lock"))
                s.objects[o] = obj
            }
        } else {
            s.callerLockDropped = true
            if e.lockKind?.disablesInterrupts == true { s.irqDepth = max(0, s.irqDepth - 1) }
        }
    }

    /// `local_irq_save(flags); ...; spin_trylock(&l); ...; spin_unlock_irqrestore(&l, flags)`:
    /// an unlock that turns interrupts back on for a lock taken without turning them off ends
    /// the interrupts-off context the function entered.
    func interruptsRestored(_ s: inout AbstractState, by e: Event, releasing held: HeldLock) {
        guard let kind = e.lockKind, kind.disablesInterrupts, !held.kind.disablesInterrupts,
            !held.kind.isTryDisablingInterrupts
        else { return }
        let preferred =
            kind.taking == .irqsave
            ? ["local_irq_save()", "local_irq_disable()"] : ["local_irq_disable()", "local_irq_save()"]
        guard let key = preferred.first(where: { (s.contexts[$0] ?? 0) > 0 }) else { return }
        let d = s.contexts[key]! - 1
        s.contexts[key] = d == 0 ? nil : d
    }

    /// A call: an RCU list walk's entries, a callee's locks (from its summary), a reference
    /// getter's counterpart, interrupts turned off or on.
    func called(
        _ s: inout AbstractState, _ e: Event, _ g: FlowGraph, _ facts: FunctionFacts,
        _ summaries: [String: FunctionSummary]
    ) {
        // An RCU list walk hands out entries that may already be on their way to being freed:
        // no reference is held on them until a try-get succeeds.
        if let callee = e.callee, KernelFunctions.isRCUIteration(callee), let first = e.arguments?.first?.path,
            first.isVariable, model.isTracked(first, in: g)
        {
            var found = ObjectState(pins: Pins(rcuFound: true))
            found.releases = [
                step(e, g, .foundUnderRCU, "\(first.root) is found by \(callee)(), under RCU, without a reference")
            ]
            s.objects[first.root] = found
        }
        if let c = e.callee, let summary = summaries[c] {
            applyLocks(summary, .always, e, &s, g, facts)
            for lock in summary.releases {
                guard let p = lock.atCall(e.arguments ?? [], aliases: facts.aliases),
                    let held = s.locks.removeValue(forKey: p.description)
                else { continue }
                if held.kind.disablesInterrupts { s.irqDepth = max(0, s.irqDepth - 1) }
            }
            for context in summary.leaves {
                guard let key = context.atCall(e.arguments ?? [], aliases: facts.aliases) else { continue }
                leave(&s, key, context.rcu ? .rcu : .interrupts, e, g)
            }
        }
        // fput(req->ki_filp) drops what fget() returned into req->ki_filp.
        if let c = e.callee, KernelFunctions.referenceGetters.values.contains(c),
            let key = e.arguments?.first?.path?.description, var held = s.objects[key], held.pins.taken
        {
            if held.pins.counted > 0 { held.pins.counted -= 1 }
            held.pins.released = true
            held.releases.append(step(e, g, .referenceDropped, "\(e.text) drops the reference"))
            s.objects[key] = held
        }
    }

    /// An assignment: locks renamed through the variable, objects found, copied, loaded or
    /// handed back by a call.
    func assigned(
        _ s: inout AbstractState, _ e: Event, _ g: FlowGraph, _ facts: FunctionFacts,
        _ summaries: [String: FunctionSummary]
    ) {
        // `ctx = iocb->ki_ctx` after taking `iocb->ki_ctx->ctx_lock`: from here the lock is named
        // through ctx, as the code (canonicalised) names it.
        // Only a lock the function goes on to name so: the others keep one name on every path.
        if let target = e.path, target.isVariable, let src = e.valuePath, !src.isVariable {
            for (key, held) in s.locks {
                let p = AccessPath.parse(key)
                guard p.hasPrefix(src) else { continue }
                let renamed = p.replacingPrefix(src, with: target.root).description
                guard facts.lockPaths.contains(renamed) else { continue }
                s.locks.removeValue(forKey: key)
                s.locks[renamed] = held
            }
        }
        // `m = &x->lock` with x->lock held: `mutex_unlock(m)` releases it.
        if let target = e.path, let lock = Self.addressAssigned(e), let held = s.locks[lock.description] {
            s.locks.removeValue(forKey: lock.description)
            s.locks[target.root] = held
        }
        if let target = e.path, target.isVariable, facts.returnedVariables.contains(target.root) {
            s.values[target.root] = Outcomes.of(e.value ?? "")
        }
        if let target = e.path, !s.nullPointers.isEmpty {
            s.nullPointers = s.nullPointers.filter { !AccessPath.parse($0).hasPrefix(target) }
        }
        if let target = e.path, target.isVariable {
            s.cases.removeValue(forKey: target.root)
            // A variable given a known truth goes that way at the branches that test it.
            if facts.correlated.contains(target.root), e.callee == nil, let truth = Self.knownTruth(ofAssigned: e.value)
            {
                s.branches[target.root] = truth
                if !truth { s.dropLocks(rootedAt: target.root) }
            } else {
                s.branches.removeValue(forKey: target.root)
            }
        }
        if let target = e.path, let c = e.callee, KernelFunctions.referenceGetters[c] != nil {
            // `req->ki_filp = fget(fd)`: a reference held where it is stored.
            var held = ObjectState(pins: Pins(counted: 1, opaque: true, taken: true))
            held.releases = [step(e, g, .referenceTaken, "\(e.text) returns a reference to \(target)")]
            s.objects[target.description] = held
        }
        if let target = e.path, target.isVariable, model.isTracked(target, in: g), e.value == "NULL" {
            s.objects.removeValue(forKey: target.root)
        } else if let target = e.path, target.isVariable, model.isTracked(target, in: g),
            let source = e.valuePath, source.isVariable, source.root != target.root,
            let copied = s.objects[source.root]
        {
            // `ret = ctx`: the same object, the same pins; the reference travels with ret.
            s.objects[target.root] = copied
            if copied.pins.taken { s.objects[source.root]?.pins.handedOff = true }
        } else if let target = e.path, target.isVariable, model.isTracked(target, in: g), e.callee == nil,
            let table = facts.rcuDerived.sorted().first(where: { (e.value ?? "").hasPrefix("\($0)->") })
        {
            // `ctx = table->table[id]` with table found under RCU: so is ctx.
            var found = ObjectState(pins: Pins(opaque: true, rcuLoaded: true))
            found.releases = [
                step(
                    e, g, .foundUnderRCU,
                    "\(target.root) is loaded through \(table), found under RCU, without a reference")
            ]
            s.objects[target.root] = found
        } else if let target = e.path, target.isVariable, model.isTracked(target, in: g),
            let callee = e.callee, KernelFunctions.isRCULookup(callee)
        {
            var found = ObjectState(pins: Pins(rcuFound: true))
            found.releases = [
                step(e, g, .foundUnderRCU, "\(target.root) is found by \(callee)(), under RCU, without a reference")
            ]
            s.objects[target.root] = found
        } else if let target = e.path, target.isVariable, model.isTracked(target, in: g) {
            let fromContainer = KernelFunctions.containerOf.contains(e.callee ?? "")
            var pins = initialPins(
                target.root, parameter: false, facts: facts, fromContainer: fromContainer,
                fromCall: e.callee != nil)
            if let c = e.callee, summaries[c]?.returnsReference == true {
                // A lookup that returns a reference: the function owns it from here.
                pins.counted = 1
                pins.taken = true
            }
            var object = ObjectState(pins: pins)
            if pins.taken {
                object.releases = [step(e, g, .referenceTaken, "\(e.text) returns a reference to \(target.root)")]
            }
            s.objects[target.root] = object
        }
    }

    /// What the event means for the object it touches: a reference taken or dropped, a request's
    /// pin dropped.
    func meaning(_ s: inout AbstractState, _ e: Event, _ action: Action, _ g: FlowGraph, _ facts: FunctionFacts) {
        switch action {
        case .get(let o):
            s.objects[o, default: ObjectState()].pins.counted += 1
            s.objects[o]?.pins.rcuFound = false
            s.objects[o]?.pins.rcuLoaded = false
            s.objects[o]?.pins.taken = true
            s.objects[o]?.releases.append(step(e, g, .referenceTaken, "\(e.text) takes a reference to \(o)"))
            // A reference on an object the function has just stored in another (`mm = ctx->mm =
            // current->mm; atomic_inc(&mm->mm_count)`) belongs to that object.
            if facts.storedAliases.contains(o) { s.objects[o]?.pins.handedOff = true }
        case .put(let o, _):
            guard var obj = s.objects[o] else { break }
            if obj.pins.counted > 0 { obj.pins.counted -= 1 } else { obj.pins.inherited = false }
            obj.pins.released = true
            obj.releases.append(step(e, g, .referenceDropped, "\(e.text) drops a reference to \(o)"))
            s.objects[o] = obj
        case .requestPinRelease(let o):
            guard var obj = s.objects[o], obj.pins.request else { break }
            obj.pins.request = false
            obj.pins.released = true
            let counter = model.pinCounters.first { $0.type == model.type(of: AccessPath(root: o), in: g) }
            let what = counter.map { " (\(o)->\($0.field))" } ?? ""
            obj.releases.append(step(e, g, .requestPinDropped, "\(e.text) drops the request's pin on \(o)\(what)"))
            s.objects[o] = obj
        default:
            break
        }
    }
}
