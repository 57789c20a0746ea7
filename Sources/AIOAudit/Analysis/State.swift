/// The abstract state the engine carries along each path: per tracked object, what pins it;
/// the RCU nesting depth; the locks held; whether interrupts (or bottom halves) are disabled.

/// Why an object cannot be torn down at a point (SPEC section 2).
public struct Pins: Hashable, Sendable {
    /// References taken in this function and not yet put.
    public var counted = 0
    /// A reference the function puts without having taken: held from entry until that put.
    public var inherited = false
    /// The function's request still counts in the object's pin counter.
    public var request = false
    /// A parameter: pinned at every call site.
    public var caller = false
    /// Nothing is known of where the object came from: taken as pinned (precision first).
    public var opaque = false
    /// A release function, or the branch where a put reached zero, owns its object.
    public var owned = false
    /// Found through an RCU-protected lookup, no reference taken yet.
    public var rcuFound = false
    /// Loaded through a pointer found under RCU (`table->table[id]`), no reference taken yet: only
    /// a get on it is judged (whether it must be a try-get); its dereferences are not.
    public var rcuLoaded = false
    /// Some pin was held and released in this function: only then can the object be unpinned.
    public var released = false
    /// A reference was taken on this path (a get, a successful try-get, a call that returns one).
    public var taken = false
    /// The reference was handed on (stored in another object or a list, passed to a work item or
    /// to a callee that keeps it, returned): no longer the function's to drop.
    public var handedOff = false

    public var any: Bool { counted > 0 || inherited || request || caller || opaque || owned }

    /// The join of two paths' pins: every pin either holds (a merge never makes an object look
    /// less pinned than on any of its paths). Counts are bounded so loops converge.
    func joined(with o: Pins) -> Pins {
        var p = self
        p.counted = min(max(counted, o.counted), 2)
        p.inherited = inherited || o.inherited
        p.request = request || o.request
        p.caller = caller || o.caller
        p.opaque = opaque || o.opaque
        p.owned = owned || o.owned
        p.rcuFound = rcuFound && o.rcuFound
        p.rcuLoaded = rcuLoaded && o.rcuLoaded
        p.released = released && o.released
        p.taken = taken || o.taken
        p.handedOff = handedOff || o.handedOff
        return p
    }
}

struct ObjectState: Hashable {
    var pins = Pins()
    /// The pin releases that led here, for the witness (not part of the state's identity).
    var releases: [WitnessStep] = []

    static func == (a: ObjectState, b: ObjectState) -> Bool { a.pins == b.pins }
    func hash(into h: inout Hasher) { h.combine(pins) }
}

struct HeldLock: Hashable {
    var kind: LockKind
    var line: Int
    /// A spinning lock (spinlock, rwlock, their trylocks): the holder must not sleep.
    var atomic = true
    /// Taken by the trylock at this line: held only where it succeeded.
    var tryLine: Int?
}

struct AbstractState: Hashable {
    var objects: [String: ObjectState] = [:]
    var rcuDepth = 0
    /// Locks and primitives that disable interrupts or bottom halves, nested.
    var irqDepth = 0
    var locks: [String: HeldLock] = [:]
    /// Held contexts (ContextPrimitive: RCU sections of each flavour, preemption, interrupts or
    /// bottom halves off), how deep, by name; -1 once the function has left its caller's (or one
    /// entered where it cannot see, in a callback).
    var contexts: [String: Int] = [:]
    /// The saved interrupt flags went to a helper: whether interrupts are off is not known.
    var interruptsUnknown = false
    /// This path released a lock it had not taken: its caller's (what it takes from here on is
    /// not ordered after the caller's locks).
    var callerLockDropped = false
    /// Where each held context was last entered (for witnesses; not part of the state).
    var contextLines: [String: Int] = [:]
    var rcuSteps: [WitnessStep] = []
    /// What the variables a function returns by name hold, as far as success or failure goes
    /// (`ret = -EINVAL`, or the branch of `if (ret)` taken).
    var values: [String: ReturnOutcome] = [:]
    /// Variables this path branched on (`if (need_lock)`), and which way: a second test of one
    /// that was not assigned since goes the same way (`if (x) lock; ... if (x) unlock;`).
    var branches: [String: Bool] = [:]
    /// Locks held when their object was handed to a function pointer on this path.
    var exposed: Set<String> = []
    /// Variables a switch on this path dispatched on, and the case it took.
    var cases: [String: String] = [:]
    /// Pointers a lock is reached through that this path found NULL (`if (!dentry->d_inode)`),
    /// until they are assigned: the locks through them exist on no path through here.
    var nullPointers: Set<String> = []
    /// The state is a join of paths (widening): facts that need one path (a lock held on this
    /// return but not on that one) are not reported from it.
    var approximate = false
    /// Where each lock was last released on this path (for witnesses; not part of the state).
    var unlockedAt: [String: Int] = [:]

    static func == (a: AbstractState, b: AbstractState) -> Bool {
        a.objects == b.objects && a.rcuDepth == b.rcuDepth && a.irqDepth == b.irqDepth
            && a.contexts == b.contexts && a.interruptsUnknown == b.interruptsUnknown
            && a.callerLockDropped == b.callerLockDropped
            && a.locks.mapValues(\.kind) == b.locks.mapValues(\.kind)
            && a.values == b.values && a.branches == b.branches && a.nullPointers == b.nullPointers
            && a.cases == b.cases && a.exposed == b.exposed
            && a.approximate == b.approximate
    }

    func hash(into h: inout Hasher) {
        h.combine(objects)
        h.combine(rcuDepth)
        h.combine(irqDepth)
        h.combine(contexts)
        h.combine(interruptsUnknown)
        h.combine(callerLockDropped)
        h.combine(locks.mapValues(\.kind))
        h.combine(values)
        h.combine(branches)
        h.combine(nullPointers)
        h.combine(cases)
        h.combine(exposed)
        h.combine(approximate)
    }

    func joined(with o: AbstractState) -> AbstractState {
        var s = self
        for (k, v) in o.objects {
            if var mine = s.objects[k] {
                mine.pins = mine.pins.joined(with: v.pins)
                s.objects[k] = mine
            } else {
                s.objects[k] = v
            }
        }
        s.rcuDepth = min(max(rcuDepth, o.rcuDepth), 4)
        s.irqDepth = min(max(irqDepth, o.irqDepth), 4)
        for (k, v) in o.locks where s.locks[k] == nil { s.locks[k] = v }
        for (k, v) in o.contexts { s.contexts[k] = min(max(v, s.contexts[k] ?? 0), 4) }
        for (k, v) in s.contexts where v < 0 && o.contexts[k] == nil { s.contexts[k] = nil }
        for (k, v) in o.contextLines where s.contextLines[k] == nil { s.contextLines[k] = v }
        s.interruptsUnknown = interruptsUnknown || o.interruptsUnknown
        s.callerLockDropped = callerLockDropped || o.callerLockDropped
        for (k, v) in s.branches where o.branches[k] != v { s.branches.removeValue(forKey: k) }
        s.nullPointers.formIntersection(o.nullPointers)
        for (k, v) in s.cases where o.cases[k] != v { s.cases.removeValue(forKey: k) }
        s.exposed.formUnion(o.exposed)
        for (k, v) in o.values where s.values[k] != v { s.values[k] = .unknown }
        for k in s.values.keys where o.values[k] == nil { s.values[k] = .unknown }
        s.approximate = true
        return s
    }

    /// Forgets the locks reached through `variable`: on this path it is NULL, so no such lock exists.
    mutating func dropLocks(rootedAt variable: String) {
        for key in locks.keys where AccessPath.parse(key).root == variable { locks.removeValue(forKey: key) }
    }

    /// The path found `pointer` NULL: what is reached through it is not there.
    mutating func pointerFoundNull(_ pointer: String) {
        nullPointers.insert(pointer)
        let base = AccessPath.parse(pointer)
        for key in locks.keys {
            let p = AccessPath.parse(key)
            if p.components.count > base.components.count, p.hasPrefix(base) { locks.removeValue(forKey: key) }
        }
    }

    /// Whether `lock` is reached through a pointer this path found NULL.
    func isVacuous(_ lock: String) -> Bool {
        let p = AccessPath.parse(lock)
        if branches[p.root] == false { return true }
        guard !nullPointers.isEmpty else { return false }
        return nullPointers.contains { n in
            let base = AccessPath.parse(n)
            return p.components.count > base.components.count && p.hasPrefix(base)
        }
    }

    /// Whether the code here must not sleep: a spinning lock held, an RCU read-side section, or
    /// interrupts, bottom halves or preemption disabled.
    var isAtomic: Bool { rcuDepth > 0 || irqDepth > 0 || locks.values.contains { $0.atomic } }

    /// Whether X's own lock (a lock that lives in X) is held.
    func holdsOwnLock(of object: String) -> Bool {
        locks.keys.contains { AccessPath.parse($0).owner?.description == object }
    }
}
