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
