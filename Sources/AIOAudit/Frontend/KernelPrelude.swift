enum KernelPrelude {
    static let header: String = #"""
    typedef struct { int v; } spinlock_t;
    void spin_lock(spinlock_t *);
    void spin_unlock(spinlock_t *);
    """#
}
