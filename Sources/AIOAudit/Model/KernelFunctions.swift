/// What kernel functions do, as far as object lifetimes are concerned: a data table of the
/// kernel's API (not of fs/aio.c), read by the model when it summarises the file's functions.
public enum Effect: String, Codable, Sendable, Hashable, Comparable {
    /// May sleep: forbidden in atomic and interrupt context.
    case sleeps
    /// Unmaps, maps or otherwise uses a process's mm: wrong from a kernel thread, whose mm is not
    /// the one the object belongs to (and may be going away under exit_mmap()).
    case usesMM = "uses-mm"
    /// Frees memory at once.
    case frees
    /// Frees memory after an RCU grace period (call_rcu, kfree_rcu, queue_rcu_work, or
    /// synchronize_rcu before the free).
    case freesAfterGracePeriod = "frees-after-grace-period"

    public static func < (a: Effect, b: Effect) -> Bool { a.rawValue < b.rawValue }
}

enum KernelFunctions {
    static let sleeping: Set<String> = [
        "schedule", "io_schedule", "schedule_timeout", "schedule_timeout_interruptible",
        "schedule_timeout_uninterruptible", "io_schedule_timeout", "schedule_hrtimeout_range", "msleep", "ssleep",
        "mutex_lock", "mutex_lock_nested", "mutex_lock_interruptible", "mutex_lock_killable", "down_read",
        "down_write", "down_read_killable", "down_write_killable", "mmap_read_lock", "mmap_write_lock",
        "mmap_write_lock_killable", "wait_for_completion", "wait_for_completion_interruptible",
        "wait_for_completion_timeout", "wait_event", "wait_event_interruptible", "wait_event_killable",
        "wait_event_timeout", "wait_event_interruptible_timeout", "wait_event_hrtimeout",
        "wait_event_interruptible_hrtimeout", "wait_event_idle", "cancel_work_sync", "cancel_delayed_work_sync",
        "flush_work", "flush_delayed_work", "flush_workqueue", "flush_scheduled_work", "drain_workqueue",
        "destroy_workqueue", "synchronize_rcu", "synchronize_sched", "synchronize_rcu_expedited", "rcu_barrier",
        "rcu_barrier_sched", "kmem_cache_destroy", "vfree", "kvfree", "might_sleep", "cond_resched",
        "copy_to_user", "copy_from_user", "get_user", "put_user", "clear_user", "do_munmap", "vm_munmap",
        "vm_mmap", "do_mmap", "do_mmap_pgoff", "mmput", "get_user_pages", "lock_page", "iput", "kern_unmount",
        "msleep_interruptible", "percpu_ref_switch_to_atomic_sync", "kthread_stop", "use_mm",
        "kthread_use_mm",
    ]

    static let usingMM: Set<String> = [
        "do_munmap", "vm_munmap", "vm_mmap", "do_mmap", "do_mmap_pgoff", "do_mremap", "get_user_pages",
        "use_mm", "kthread_use_mm", "mmap_read_lock", "mmap_write_lock", "find_vma",
    ]

    static let freeing: Set<String> = ["kfree", "kmem_cache_free", "kvfree", "vfree", "kzfree", "kfree_sensitive"]

    /// Deferred frees: the memory outlives every RCU read-side section running now.
    static let freeingAfterGracePeriod: Set<String> = [
        "call_rcu", "call_rcu_sched", "call_rcu_bh", "kfree_rcu", "kvfree_rcu", "__kfree_rcu", "queue_rcu_work",
        "synchronize_rcu", "synchronize_sched", "synchronize_rcu_expedited",
    ]

    /// Unlinks from an RCU-protected list: readers may still find the entry until a grace period.
    static let rcuUnlinking: Set<String> = ["hlist_del_rcu", "list_del_rcu", "hlist_del_init_rcu", "list_del_init_rcu"]

    // MARK: Reference-count primitives: (argument index of &object->field)

    static let getPrimitives: Set<String> = [
        "atomic_inc", "atomic_long_inc", "refcount_inc", "kref_get", "percpu_ref_get", "percpu_ref_get_many",
    ]
    static let tryGetPrimitives: Set<String> = [
        "atomic_inc_not_zero", "atomic_long_inc_not_zero", "refcount_inc_not_zero", "kref_get_unless_zero",
        "percpu_ref_tryget", "percpu_ref_tryget_live", "atomic_add_unless",
    ]
    /// Plain decrements of a counter given as their last argument (`atomic_sub(n, &x->f)`).
    static let decrements: Set<String> = ["atomic_dec", "atomic_sub", "atomic_dec_return", "atomic_dec_and_test"]

    /// Decrement-and-test: a put whose release runs on the branch where it returned true.
    static let decrementAndTest: Set<String> = [
        "atomic_dec_and_test", "atomic_long_dec_and_test", "refcount_dec_and_test", "atomic_sub_and_test",
        "refcount_sub_and_test", "atomic_dec_and_lock", "refcount_dec_and_lock",
    ]
    /// Puts that name their release: kref_put(&x->f, release).
    static let putWithRelease: Set<String> = ["kref_put"]
    /// Puts whose release was registered when the counter was set up (percpu_ref_init).
    static let putWithRegisteredRelease: Set<String> = ["percpu_ref_put", "percpu_ref_put_many"]
    static let registersRelease: Set<String> = ["percpu_ref_init"]

    /// Kernel functions that return a new reference, with the function that drops it: a file's
    /// descriptor lookup, an eventfd context. The reference is followed wherever it is stored
    /// (`req->ki_filp = fget(fd)`) for ref-leak.
    static let referenceGetters: [String: String] = [
        "fget": "fput", "fget_raw": "fput", "eventfd_ctx_fdget": "eventfd_ctx_put",
        "eventfd_ctx_fileget": "eventfd_ctx_put", "get_task_struct": "put_task_struct",
    ]

    // MARK: Entry contexts: registration function -> (argument index of the function, context)

    static let registrations: [String: (argument: Int, context: EntryContext.Kind)] = [
        "DECLARE_WORK": (1, .workItem), "DECLARE_DELAYED_WORK": (1, .workItem), "INIT_WORK": (1, .workItem),
        "INIT_WORK_ONSTACK": (1, .workItem), "INIT_DELAYED_WORK": (1, .workItem),
        "INIT_DEFERRABLE_WORK": (1, .workItem), "INIT_RCU_WORK": (1, .workItem), "PREPARE_WORK": (1, .workItem),
        "PREPARE_DELAYED_WORK": (1, .workItem), "__init_work": (1, .workItem),
        "call_rcu": (1, .rcuCallback), "call_rcu_sched": (1, .rcuCallback), "call_rcu_bh": (1, .rcuCallback),
        "setup_timer": (1, .timer), "timer_setup": (1, .timer), "DEFINE_TIMER": (1, .timer),
        "init_waitqueue_func_entry": (1, .wakeupCallback),
    ]

    /// RCU-protected list walks: `hlist_for_each_entry_rcu(pos, ...)`, `list_for_each_entry_rcu`.
    static func isRCUIteration(_ name: String) -> Bool {
        name.hasSuffix("_rcu") && name.contains("for_each")
    }

    /// Lookups whose result is protected only by RCU (not rcu_dereference_protected(), whose
    /// caller holds the update-side lock).
    static func isRCULookup(_ name: String) -> Bool {
        ["rcu_dereference", "rcu_dereference_bh", "rcu_dereference_sched"].contains(name)
    }

    /// Loops that wait: a loop whose body calls one of these waits for its condition.
    static let waiting: Set<String> = [
        "schedule", "io_schedule", "schedule_timeout", "io_schedule_timeout", "schedule_timeout_uninterruptible",
        "schedule_timeout_interruptible", "msleep", "wait_for_completion",
    ]
    static let waitEvent: Set<String> = [
        "wait_event", "wait_event_interruptible", "wait_event_killable", "wait_event_timeout",
        "wait_event_interruptible_timeout", "wait_event_hrtimeout", "wait_event_interruptible_hrtimeout",
        "wait_event_idle", "wait_event_lock_irq",
    ]
}
