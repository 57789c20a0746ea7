/// Kernel locking and RCU primitives, recognised by name whether they are functions (the prelude,
/// inline functions in a kernel tree) or macros (spin_lock_irqsave in a kernel tree).
enum LockPrimitive {
    enum Action { case acquire, release }

    struct Entry {
        var action: Action
        var kind: LockKind
    }

    static func lookup(_ name: String) -> Entry? {
        if let e = table[name] { return e }
        // _raw_spin_lock..., raw_spin_lock...: the same operation on a raw lock.
        for prefix in ["_raw_", "raw_"] where name.hasPrefix(prefix) {
            let base = String(name.dropFirst(prefix.count))
            if let e = table[base] { return e }
        }
        return nil
    }

    static let table: [String: Entry] = {
        var t: [String: Entry] = [:]
        for (family, c) in [("spin", LockKind.Class.spinlock), ("read", .rwlock), ("write", .rwlock)] {
            t["\(family)_lock"] = Entry(action: .acquire, kind: LockKind(c))
            t["\(family)_unlock"] = Entry(action: .release, kind: LockKind(c))
            t["\(family)_lock_irq"] = Entry(action: .acquire, kind: LockKind(c, .irq))
            t["\(family)_unlock_irq"] = Entry(action: .release, kind: LockKind(c, .irq))
            t["\(family)_lock_irqsave"] = Entry(action: .acquire, kind: LockKind(c, .irqsave))
            t["\(family)_unlock_irqrestore"] = Entry(action: .release, kind: LockKind(c, .irqsave))
            t["\(family)_lock_bh"] = Entry(action: .acquire, kind: LockKind(c, .bh))
            t["\(family)_unlock_bh"] = Entry(action: .release, kind: LockKind(c, .bh))
            t["\(family)_trylock"] = Entry(action: .acquire, kind: LockKind(c, try: true))
            t["\(family)_trylock_irqsave"] = Entry(action: .acquire, kind: LockKind(c, .irqsave, try: true))
            t["\(family)_lock_nested"] = Entry(action: .acquire, kind: LockKind(c))
            t["\(family)_lock_irqsave_nested"] = Entry(action: .acquire, kind: LockKind(c, .irqsave))
        }
        for name in ["mutex_lock", "mutex_lock_nested", "mutex_lock_io"] {
            t[name] = Entry(action: .acquire, kind: LockKind(.mutex))
        }
        // These succeed only when they return 0: conditional, like a trylock.
        for name in ["mutex_lock_interruptible", "mutex_lock_killable", "mutex_trylock"] {
            t[name] = Entry(action: .acquire, kind: LockKind(.mutex, try: true))
        }
        t["mutex_unlock"] = Entry(action: .release, kind: LockKind(.mutex))
        for name in ["down_read", "down_write", "down_read_nested", "down_write_nested"] {
            t[name] = Entry(action: .acquire, kind: LockKind(.rwsem))
        }
        for name in ["down_read_trylock", "down_write_trylock", "down_read_killable", "down_write_killable"] {
            t[name] = Entry(action: .acquire, kind: LockKind(.rwsem, try: true))
        }
        t["up_read"] = Entry(action: .release, kind: LockKind(.rwsem))
        t["up_write"] = Entry(action: .release, kind: LockKind(.rwsem))
        return t
    }()
}

enum RCUPrimitive {
    static let readLock: Set<String> = [
        "rcu_read_lock", "rcu_read_lock_bh", "rcu_read_lock_sched", "rcu_read_lock_sched_notrace", "srcu_read_lock",
    ]
    static let readUnlock: Set<String> = [
        "rcu_read_unlock", "rcu_read_unlock_bh", "rcu_read_unlock_sched", "rcu_read_unlock_sched_notrace",
        "srcu_read_unlock",
    ]
}

/// Contexts entered and left in pairs and held like locks (sparse's contexts): the RCU read-side
/// section of each flavour (an srcu_struct's by the srcu_struct), preemption, interrupts and bottom
/// halves turned off. Each is named by the call that enters it.
enum ContextPrimitive {
    enum Kind {
        /// An RCU read-side section: what it covers is protected from frees after a grace period.
        case rcu
        /// Interrupts, bottom halves or preemption off: an implicit RCU-sched reader.
        case interrupts
    }

    struct Entry {
        /// The context's name: the call that enters it.
        var context: String
        var enters: Bool
        var kind: Kind
        /// Named by its first argument too (`srcu_read_lock(&ss)`).
        var byArgument = false
    }

    static func lookup(_ name: String) -> Entry? { table[name] }

    static let table: [String: Entry] = {
        var t: [String: Entry] = [:]
        func pair(_ context: String, _ enter: [String], _ leave: [String], _ kind: Kind, byArgument: Bool = false) {
            for n in enter { t[n] = Entry(context: context, enters: true, kind: kind, byArgument: byArgument) }
            for n in leave { t[n] = Entry(context: context, enters: false, kind: kind, byArgument: byArgument) }
        }
        pair("rcu_read_lock", ["rcu_read_lock"], ["rcu_read_unlock"], .rcu)
        pair("rcu_read_lock_bh", ["rcu_read_lock_bh"], ["rcu_read_unlock_bh"], .rcu)
        pair(
            "rcu_read_lock_sched", ["rcu_read_lock_sched", "rcu_read_lock_sched_notrace"],
            ["rcu_read_unlock_sched", "rcu_read_unlock_sched_notrace"], .rcu)
        pair("srcu_read_lock", ["srcu_read_lock"], ["srcu_read_unlock"], .rcu, byArgument: true)
        pair(
            "preempt_disable", ["preempt_disable", "preempt_disable_notrace", "get_cpu"],
            ["preempt_enable", "preempt_enable_notrace", "preempt_enable_no_resched", "put_cpu"], .interrupts)
        pair("local_irq_save", ["local_irq_save", "__local_irq_save"], ["local_irq_restore"], .interrupts)
        pair("local_irq_disable", ["local_irq_disable"], ["local_irq_enable"], .interrupts)
        pair("local_bh_disable", ["local_bh_disable"], ["local_bh_enable"], .interrupts)
        return t
    }()

    /// The held context an event enters or leaves, as the function names it:
    /// `rcu_read_lock()`, `srcu_read_lock(&ss)`.
    static func at(_ e: Event) -> (key: String, entry: Entry)? {
        guard e.kind == .call || e.kind == .rcuReadLock || e.kind == .rcuReadUnlock, let c = e.callee,
            let entry = table[c]
        else { return nil }
        guard entry.byArgument else { return (key(entry.context), entry) }
        guard let a = e.arguments?.first else { return nil }
        return (key(entry.context, a.path?.description ?? a.text), entry)
    }

    /// `rcu_read_lock()`; `srcu_read_lock(ss)` for the srcu_struct `ss`.
    static func key(_ context: String, _ operand: String = "") -> String { "\(context)(\(operand))" }

    /// The context's name and the operand it is keyed by, from a key.
    static func parse(_ key: String) -> (context: String, operand: String?)? {
        guard let open = key.firstIndex(of: "("), key.hasSuffix(")") else { return nil }
        let inner = key[key.index(after: open)..<key.index(before: key.endIndex)]
        return (String(key[..<open]), inner.isEmpty ? nil : String(inner))
    }

    /// Whether a held-context name is an RCU read-side section.
    static func isRCU(_ key: String) -> Bool {
        key.hasPrefix("rcu_read_lock") || key.hasPrefix("srcu_read_lock")
    }
}
