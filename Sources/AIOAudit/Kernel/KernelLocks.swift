/// Locks the kernel takes inside its own functions, named by class as lockdep names them, with
/// what the kernel says of each: taken from interrupt context (IRQ-safe), taken with interrupts
/// enabled (IRQ-unsafe), a sleeping lock. A call of one of these functions takes the class, for the
/// lock-order graph and the interrupt-safety rules.
struct KernelLockClass: Sendable {
    var name: String
    var kind: LockKind
    /// The kernel takes it in hard-interrupt context (lockdep's IN-HARDIRQ).
    var inHardirq: Bool = false
    /// The kernel takes it with interrupts enabled (HARDIRQ-ON), and with softirqs enabled.
    var hardirqOn: Bool = false
    /// Who does so in the kernel.
    var evidence: String
}

enum KernelLocks {
    static let taskLock = KernelLockClass(
        name: "task_struct.alloc_lock", kind: LockKind(.spinlock), hardirqOn: true,
        evidence: "the kernel's task_lock()")
    static let mmapLock = KernelLockClass(
        name: "mm_struct.mmap_lock", kind: LockKind(.rwsem), evidence: "the kernel's fault handler")

    /// function -> the class it takes (and releases before it returns).
    static let taking: [String: KernelLockClass] = {
        var t: [String: KernelLockClass] = [:]
        for f in [
            "task_lock", "use_mm", "unuse_mm", "kthread_use_mm", "kthread_unuse_mm", "get_task_mm", "get_task_comm",
        ] {
            t[f] = taskLock
        }
        for f in [
            "copy_to_user", "copy_from_user", "__copy_to_user", "__copy_from_user", "get_user", "put_user",
            "__get_user",
            "__put_user", "clear_user", "mmap_read_lock", "mmap_write_lock", "get_user_pages", "pin_user_pages",
        ] {
            t[f] = mmapLock
        }
        return t
    }()

    /// Functions that take the lock of the wait queue head (or completion) they are given, with
    /// interrupts off: the class is that queue's (`kioctx.wait.lock` for `wake_up(&ctx->wait)`),
    /// as lockdep gives every init_waitqueue_head() site its own.
    static let takingQueueLock: [String: String] = {
        var t: [String: String] = [:]
        for f in [
            "wake_up", "wake_up_all", "wake_up_interruptible", "wake_up_interruptible_all", "__wake_up",
            "wake_up_poll", "wake_up_interruptible_poll", "add_wait_queue", "add_wait_queue_exclusive",
            "remove_wait_queue", "prepare_to_wait", "prepare_to_wait_exclusive", "prepare_to_wait_event",
            "finish_wait",
        ] {
            t[f] = "lock"
        }
        // A completion's wait queue (`struct completion` holds `wait`).
        for f in ["complete", "complete_all"] { t[f] = "wait.lock" }
        return t
    }()

    /// Fields that are always the same kernel lock, whatever path reaches them.
    static let byField: [String: String] = [
        "mmap_sem": mmapLock.name, "mmap_lock": mmapLock.name, "alloc_lock": taskLock.name,
    ]

    /// Classes the kernel uses that the file never takes itself, by name.
    static let byName: [String: KernelLockClass] = {
        var t: [String: KernelLockClass] = [:]
        for c in taking.values { t[c.name] = c }
        return t
    }()
}
