/// What kernel functions do, as far as object lifetimes are concerned: the tables of the kernel's
/// API (not of fs/aio.c) that every stage reads by name — the frontend (noreturn functions,
/// annotation macros), the flow graphs, the model (reference counts, frees, grace periods,
/// registrations), the engine (sleeping, hand-offs, lock assertions) and the rules (wake-ups).
/// Lock and RCU primitives are in LockPrimitives.swift beside it.
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
        "kthread_use_mm", "down", "down_interruptible", "down_killable", "down_timeout", "down_read_interruptible",
        "mutex_lock_io", "mutex_lock_interruptible_nested", "mutex_lock_killable_nested", "flush_rcu_work",
        "synchronize_srcu", "synchronize_rcu_tasks", "synchronize_net", "synchronize_irq", "srcu_barrier",
        "rcu_barrier_bh", "usleep_range", "fsleep", "wait_on_page_locked", "wait_on_page_writeback",
        "lock_page_killable", "__lock_page", "folio_lock", "folio_lock_killable",
    ]

    /// Families of sleeping primitives, each a macro or function per variant
    /// (wait_event_interruptible_exclusive, wait_on_bit_lock_io, wait_for_completion_io_timeout, ...).
    static let sleepingFamilies = [
        "wait_event", "wait_for_completion", "schedule_timeout", "wait_on_bit", "out_of_line_wait_on_bit",
        "wait_on_page_bit", "folio_wait_",
    ]

    /// Waits that release a spinlock the caller holds while they sleep, and take it again: the
    /// `_locked` variants drop their wait queue's own lock (first argument, `wq.lock`), the
    /// `lock_irq` ones the lock they are given (third argument).
    static func lockDroppedWhileSleeping(_ callee: String, _ arguments: [CallArgument]) -> String? {
        guard callee.hasPrefix("wait_event") else { return nil }
        if callee.contains("_locked"), let wq = arguments.first?.path {
            return wq.description + ".lock"
        }
        if callee.contains("_lock_irq"), let lock = arguments[safe: 2]?.path {
            return lock.description
        }
        return nil
    }

    /// Calls that take a function to run later or elsewhere, not within the call: their callback's
    /// sleeping does not reach the caller.
    static func defersOrRegisters(_ callee: String) -> Bool {
        registrations[callee] != nil || storing.contains(callee) || registersRelease.contains(callee)
            || freeingAfterGracePeriod.contains(callee) || putWithRelease.contains(callee)
    }

    /// Whether a kernel function may sleep.
    static func sleeps(_ callee: String) -> Bool {
        sleeping.contains(callee) || sleepingFamilies.contains { callee.hasPrefix($0) }
    }

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

    /// Waits for a grace period before what follows (a free after it is deferred enough).
    static let waitingForGracePeriod: Set<String> = ["synchronize_rcu", "synchronize_sched"]

    /// Kills a percpu_ref: drops its base reference after a sched-RCU grace period, which before
    /// Linux 4.20 (RCU flavour consolidation) does not wait for rcu_read_lock() readers.
    static let killingAfterSchedGracePeriod: Set<String> = ["percpu_ref_kill"]

    /// Insertions into a list (of the entry given first): publish the object that embeds it.
    static let listInsertions: Set<String> = [
        "list_add", "list_add_tail", "list_add_rcu", "list_add_tail_rcu", "hlist_add_head", "hlist_add_head_rcu",
        "hlist_add_behind", "hlist_add_behind_rcu", "hlist_add_before", "hlist_add_before_rcu", "llist_add",
        "hlist_nulls_add_head_rcu",
    ]

    /// Links into an RCU-protected list: publishes the entry.
    static let rcuLinking: Set<String> = [
        "list_add_rcu", "list_add_tail_rcu", "hlist_add_head_rcu", "hlist_add_behind_rcu", "hlist_add_before_rcu",
        "hlist_add_tail_rcu", "list_replace_rcu", "hlist_replace_rcu", "hlist_nulls_add_head_rcu",
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
        "request_irq": (1, .interrupt), "request_threaded_irq": (1, .interrupt), "devm_request_irq": (2, .interrupt),
        "request_any_context_irq": (1, .interrupt),
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

    // MARK: What the other stages read by name

    /// Allocation calls that sleep when given GFP_KERNEL (or another sleeping mask).
    static let allocating: Set<String> = [
        "kmalloc", "kzalloc", "kcalloc", "kmalloc_array", "kmem_cache_alloc", "kmem_cache_zalloc", "krealloc",
        "alloc_page", "alloc_pages", "__get_free_page", "__get_free_pages", "get_zeroed_page", "kvmalloc",
        "kvzalloc", "vmalloc", "vzalloc", "percpu_ref_init", "alloc_percpu", "kstrdup", "kmemdup",
    ]

    /// Kernel functions that store or queue what they are given (`&x->list`, `&x->work`).
    static let storing: Set<String> = [
        "list_add", "list_add_tail", "list_add_rcu", "list_add_tail_rcu", "hlist_add_head", "hlist_add_head_rcu",
        "list_move", "list_move_tail", "queue_work", "schedule_work", "queue_delayed_work", "schedule_delayed_work",
        "mod_delayed_work", "queue_rcu_work", "call_rcu", "mod_timer", "add_timer", "llist_add", "rb_link_node",
        "radix_tree_insert", "xa_store", "idr_alloc", "execute_in_process_context",
    ]
    /// Publishing a pointer: the object (the second argument) is now reachable from elsewhere.
    static let publishing: Set<String> = [
        "rcu_assign_pointer", "RCU_INIT_POINTER", "WRITE_ONCE", "smp_store_release", "xchg", "cmpxchg",
    ]
    /// Kernel functions that only look at an object they are given (they keep no reference).
    static func borrows(_ callee: String) -> Bool {
        let prefixes = [
            "pr_", "printk", "trace_", "dprintk", "WARN", "BUG", "mem", "kunmap", "kmap", "copy_", "wake_up",
            "spin_", "mutex_", "atomic_", "percpu_ref_", "refcount_", "kref_", "list_", "hlist_", "rcu_read",
            "lockdep_", "assert_", "might_", "kfree", "kmem_cache_free", "__",
        ]
        return prefixes.contains { callee.hasPrefix($0) } || LockPrimitive.lookup(callee) != nil
    }

    /// The accessors of an RCU-protected pointer: loads, tests and stores that say it is one.
    static let rcuAccessors: Set<String> = [
        "rcu_dereference", "rcu_dereference_bh", "rcu_dereference_sched", "rcu_dereference_raw",
        "rcu_dereference_check", "rcu_dereference_bh_check", "rcu_dereference_sched_check",
        "rcu_dereference_protected", "rcu_dereference_raw_check", "rcu_access_pointer", "rcu_assign_pointer",
        "RCU_INIT_POINTER", "rcu_replace_pointer", "srcu_dereference", "srcu_dereference_check",
        "rcu_pointer_handoff",
    ]

    /// The kernel's generic links, read with the RCU accessors by the `_rcu` list API and plainly
    /// by the rest of it: an accessor on one of their fields says nothing of other uses.
    static let dualUseLinkTypes: Set<String> = [
        "list_head", "hlist_head", "hlist_node", "hlist_nulls_head", "hlist_nulls_node", "llist_head",
        "llist_node", "rb_node", "rb_root",
    ]

    /// Marked accesses that order or at least tear-proof a pointer's load or store; documented as
    /// enough for some RCU-protected pointers (an acquire load pairs with a release store).
    static let markedAccesses: Set<String> = [
        "READ_ONCE", "WRITE_ONCE", "ACCESS_ONCE", "smp_load_acquire", "smp_store_release", "xchg", "cmpxchg",
    ]

    /// Publishing into an RCU-protected pointer.
    static let rcuPublishing: Set<String> = ["RCU_INIT_POINTER", "rcu_assign_pointer"]

    /// Loads with acquire ordering that read a pointer another thread released (`smp_load_acquire`).
    static let acquireLoads: Set<String> = ["smp_load_acquire"]

    /// The object that holds a member, found from the member's address.
    static let containerOf: Set<String> = ["container_of", "list_entry"]

    /// Functions that sleep in process context only: in interrupt or softirq context
    /// (`in_interrupt()`) they hand the work to a later context instead (vfree() queues the area
    /// for a work item: `might_sleep_if(!in_interrupt())`). Under a spinlock or with interrupts
    /// off in process context they still sleep.
    static let defersInInterrupt: Set<String> = ["vfree", "kvfree"]

    /// Annotations that the caller holds a lock (`lockdep_assert_held(&ctx->ctx_lock)`).
    static let lockAssertions: Set<String> = [
        "assert_spin_locked", "lockdep_assert_held", "__lockdep_assert_held", "lockdep_assert_held_once",
    ]

    /// Macros that only annotate a value: the value itself is what the code branches on.
    static let transparentMacros: Set<String> = [
        "likely", "unlikely", "READ_ONCE", "ACCESS_ONCE", "__builtin_expect",
        "data_race", "unlikely_notrace",
    ]

    /// Kernel primitives that never return, whether or not the headers say so.
    static let noreturn: Set<String> = [
        "BUG", "panic", "do_exit", "__builtin_unreachable", "unreachable", "__builtin_trap",
        "kthread_exit", "make_task_dead",
    ]

    /// Wake-ups of a wait queue's waiters.
    static let wakingCalls: Set<String> = [
        "wake_up", "wake_up_all", "wake_up_interruptible", "wake_up_interruptible_all", "wake_up_locked",
        "wake_up_process", "wake_up_var", "wake_up_bit", "complete", "complete_all", "__wake_up", "wake_up_nr",
    ]

    static func wakes(_ callee: String) -> Bool { wakingCalls.contains(callee) || callee.hasPrefix("wake_up") }

    /// Waiting on a wait queue: the waiter sleeps until a wake-up.
    static func waitsOnQueue(_ callee: String) -> Bool {
        callee.hasPrefix("add_wait_queue") || callee.hasPrefix("prepare_to_wait") || callee.hasPrefix("wait_event")
            || callee.hasPrefix("wait_for_completion") || callee.hasPrefix("___wait_event")
            || callee == "init_wait_entry"
    }
}
