/// Kernel helpers that take or drop a lock for their caller, written as the summaries the file's own
/// functions get: they are static inline functions of the kernel's headers, whose bodies the
/// analysis does not walk (in a kernel tree) or the prelude only declares (standalone). A function
/// the file defines under the same name is read from the file instead.
enum KernelSummaries {
    static func lock(_ path: String, _ kind: LockKind) -> SummaryLock {
        SummaryLock(parameter: 0, path: AccessPath.parse(path), kind: kind)
    }

    static let table: [String: FunctionSummary] = {
        var t: [String: FunctionSummary] = [:]
        func acquires(_ name: String, _ lock: SummaryLock, _ when: FunctionSummary.Condition = .always) {
            var s = FunctionSummary()
            s.acquires = [(lock, when)]
            t[name] = s
        }
        func releases(_ name: String, _ lock: SummaryLock) {
            var s = FunctionSummary()
            s.releases = [lock]
            s.declaredReleases = [lock]
            t[name] = s
        }
        // include/linux/fs.h: the inode's i_rwsem.
        let rwsem = lock("inode->i_rwsem", LockKind(.rwsem))
        for name in ["inode_lock", "inode_lock_shared", "inode_lock_nested", "inode_lock_shared_nested"] {
            acquires(name, rwsem)
        }
        for name in ["inode_trylock", "inode_trylock_shared"] { acquires(name, rwsem, .whenTrue) }
        for name in ["inode_unlock", "inode_unlock_shared"] { releases(name, rwsem) }
        // include/linux/sched/signal.h: the task's sighand lock, taken with interrupts saved; the
        // sighand_struct when it was taken, NULL when the task is exiting (sparse's __cond_lock()).
        let siglock = lock("task->sighand->siglock", LockKind(.spinlock, .irqsave))
        acquires("lock_task_sighand", siglock, .whenTrue)
        releases("unlock_task_sighand", siglock)
        return t
    }()
}
