/* ---- locks: functions, so each call keeps its name ---- */
struct raw_spinlock {
	unsigned int raw_lock;
};
typedef struct raw_spinlock raw_spinlock_t;
struct spinlock {
	struct raw_spinlock rlock;
};
typedef struct spinlock spinlock_t;
struct rwlock {
	unsigned int raw_lock;
};
typedef struct rwlock rwlock_t;
struct mutex {
	long owner;
	spinlock_t wait_lock;
	struct list_head wait_list;
};
struct rw_semaphore {
	long count;
	struct list_head wait_list;
};
struct seqcount {
	unsigned sequence;
};
typedef struct seqcount seqcount_t;
struct lock_class_key {
	int dummy;
};
#define __SPIN_LOCK_UNLOCKED(name) { { 0 } }
#define SPIN_LOCK_UNLOCKED { { 0 } }
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)
#define DEFINE_RAW_SPINLOCK(name) raw_spinlock_t name = { 0 }
#define DEFINE_RWLOCK(name) rwlock_t name = { 0 }
#define __MUTEX_INITIALIZER(name) { 0 }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)
#define DECLARE_RWSEM(name) struct rw_semaphore name = { 0 }
void spin_lock_init(spinlock_t *lock);
void raw_spin_lock_init(raw_spinlock_t *lock);
void rwlock_init(rwlock_t *lock);
void mutex_init(struct mutex *lock);
void init_rwsem(struct rw_semaphore *sem);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void spin_lock_nested(spinlock_t *lock, int subclass);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
/* The kernel's spin_lock_irqsave() assigns flags; as a function taking them by value the call
 * keeps its name and its arguments. */
void spin_lock_irqsave(spinlock_t *lock, unsigned long flags);
void spin_lock_irqsave_nested(spinlock_t *lock, unsigned long flags, int subclass);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
int spin_trylock(spinlock_t *lock);
int spin_trylock_irq(spinlock_t *lock);
int spin_trylock_irqsave(spinlock_t *lock, unsigned long flags);
int spin_is_locked(spinlock_t *lock);
void spin_unlock_wait(spinlock_t *lock);
void assert_spin_locked(spinlock_t *lock);
void raw_spin_lock(raw_spinlock_t *lock);
void raw_spin_unlock(raw_spinlock_t *lock);
void raw_spin_lock_irq(raw_spinlock_t *lock);
void raw_spin_unlock_irq(raw_spinlock_t *lock);
void raw_spin_lock_irqsave(raw_spinlock_t *lock, unsigned long flags);
void raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);
void read_lock(rwlock_t *lock);
void read_unlock(rwlock_t *lock);
void write_lock(rwlock_t *lock);
void write_unlock(rwlock_t *lock);
void read_lock_irq(rwlock_t *lock);
void read_unlock_irq(rwlock_t *lock);
void write_lock_irq(rwlock_t *lock);
void write_unlock_irq(rwlock_t *lock);
void read_lock_irqsave(rwlock_t *lock, unsigned long flags);
void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void write_lock_irqsave(rwlock_t *lock, unsigned long flags);
void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void mutex_lock(struct mutex *lock);
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
int mutex_is_locked(struct mutex *lock);
void down_read(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
int down_write_killable(struct rw_semaphore *sem);
int down_read_killable(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);
void mmap_read_lock(struct mm_struct *mm);
void mmap_read_unlock(struct mm_struct *mm);
void mmap_write_lock(struct mm_struct *mm);
void mmap_write_unlock(struct mm_struct *mm);
int mmap_write_lock_killable(struct mm_struct *mm);
#define lockdep_assert_held(l) __lockdep_assert_held((void *)(l))
void __lockdep_assert_held(void *lock);
#define lockdep_assert_held_write(l) __lockdep_assert_held((void *)(l))
#define lockdep_assert_held_once(l) __lockdep_assert_held((void *)(l))
#define lockdep_set_class(l, k) do { } while (0)
#define lockdep_is_held(l) 1
/* Interrupts and preemption. local_irq_save() assigns its argument in the kernel. */
void local_irq_disable(void);
void local_irq_enable(void);
unsigned long __local_irq_save(void);
#define local_irq_save(flags) ((flags) = __local_irq_save())
void local_irq_restore(unsigned long flags);
void local_bh_disable(void);
void local_bh_enable(void);
void preempt_disable(void);
void preempt_enable(void);
void preempt_enable_no_resched(void);
int irqs_disabled(void);
int in_interrupt(void);
int in_atomic(void);
int in_irq(void);
int in_softirq(void);
int in_task(void);

