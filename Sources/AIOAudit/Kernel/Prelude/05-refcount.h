/* ---- atomics and reference counts ---- */
struct atomic {
	int counter;
};
typedef struct atomic atomic_t;
struct atomic64 {
	long long counter;
};
typedef struct atomic64 atomic64_t;
typedef atomic64_t atomic_long_t;
#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (i) }
int atomic_read(const atomic_t *v);
void atomic_set(atomic_t *v, int i);
void atomic_inc(atomic_t *v);
void atomic_dec(atomic_t *v);
void atomic_add(int i, atomic_t *v);
void atomic_sub(int i, atomic_t *v);
int atomic_inc_return(atomic_t *v);
int atomic_dec_return(atomic_t *v);
int atomic_add_return(int i, atomic_t *v);
int atomic_sub_return(int i, atomic_t *v);
int atomic_dec_and_test(atomic_t *v);
int atomic_inc_and_test(atomic_t *v);
int atomic_sub_and_test(int i, atomic_t *v);
int atomic_inc_not_zero(atomic_t *v);
int atomic_add_unless(atomic_t *v, int a, int u);
int atomic_dec_if_positive(atomic_t *v);
int atomic_cmpxchg(atomic_t *v, int old, int new);
int atomic_xchg(atomic_t *v, int new);
bool atomic_try_cmpxchg(atomic_t *v, int *old, int new);
int atomic_dec_and_lock(atomic_t *v, spinlock_t *lock);
long atomic_long_read(const atomic_long_t *v);
void atomic_long_set(atomic_long_t *v, long i);
void atomic_long_inc(atomic_long_t *v);
void atomic_long_dec(atomic_long_t *v);
void atomic_long_add(long i, atomic_long_t *v);
void atomic_long_sub(long i, atomic_long_t *v);
long atomic_long_add_return(long i, atomic_long_t *v);
long atomic_long_sub_return(long i, atomic_long_t *v);
int atomic_long_dec_and_test(atomic_long_t *v);
long atomic_long_cmpxchg(atomic_long_t *v, long old, long new);
long long atomic64_read(const atomic64_t *v);
void atomic64_set(atomic64_t *v, long long i);
void atomic64_inc(atomic64_t *v);
void atomic64_dec(atomic64_t *v);
void atomic64_add(long long i, atomic64_t *v);
#define cmpxchg(ptr, old, new) ({ __typeof__(*(ptr)) __old = (old); __typeof__(*(ptr)) __new = (new); __aio_audit_cmpxchg((void *)(ptr)); (void)__new; __old; })
#define xchg(ptr, v) ({ __typeof__(*(ptr)) __v = (v); __aio_audit_cmpxchg((void *)(ptr)); __v; })
#define try_cmpxchg(ptr, oldp, new) ({ __aio_audit_cmpxchg((void *)(ptr)); (void)(oldp); (void)(new); 1; })
void __aio_audit_cmpxchg(void *ptr);
int test_bit(long nr, const volatile unsigned long *addr);
void set_bit(long nr, volatile unsigned long *addr);
void clear_bit(long nr, volatile unsigned long *addr);
int test_and_set_bit(long nr, volatile unsigned long *addr);
int test_and_clear_bit(long nr, volatile unsigned long *addr);
void __set_bit(long nr, volatile unsigned long *addr);
void __clear_bit(long nr, volatile unsigned long *addr);
struct refcount_struct {
	atomic_t refs;
};
typedef struct refcount_struct refcount_t;
#define REFCOUNT_INIT(n) { .refs = ATOMIC_INIT(n) }
void refcount_set(refcount_t *r, int n);
unsigned int refcount_read(const refcount_t *r);
void refcount_inc(refcount_t *r);
void refcount_dec(refcount_t *r);
bool refcount_inc_not_zero(refcount_t *r);
bool refcount_dec_and_test(refcount_t *r);
bool refcount_dec_and_lock(refcount_t *r, spinlock_t *lock);
bool refcount_dec_and_lock_irqsave(refcount_t *r, spinlock_t *lock, unsigned long *flags);
void refcount_add(int i, refcount_t *r);
bool refcount_sub_and_test(int i, refcount_t *r);
struct kref {
	refcount_t refcount;
};
void kref_init(struct kref *kref);
void kref_get(struct kref *kref);
int kref_get_unless_zero(struct kref *kref);
int kref_put(struct kref *kref, void (*release)(struct kref *kref));
unsigned int kref_read(const struct kref *kref);
struct percpu_ref;
typedef void (percpu_ref_func_t)(struct percpu_ref *);
struct percpu_ref {
	atomic_long_t count;
	unsigned long percpu_count_ptr;
	unsigned *pcpu_count;
	percpu_ref_func_t *release;
	percpu_ref_func_t *confirm_switch;
	bool force_atomic;
	struct rcu_head rcu;
	struct percpu_ref_data *data;
};
#define PERCPU_REF_INIT_ATOMIC 1
#define PERCPU_REF_INIT_DEAD 2
#define PERCPU_REF_ALLOW_REINIT 4
/* Before 3.18 percpu_ref_init took no flags and no gfp mask. */
int percpu_ref_init(struct percpu_ref *ref, percpu_ref_func_t *release, ...);
void percpu_ref_exit(struct percpu_ref *ref);
void percpu_ref_get(struct percpu_ref *ref);
void percpu_ref_get_many(struct percpu_ref *ref, unsigned long nr);
bool percpu_ref_tryget(struct percpu_ref *ref);
bool percpu_ref_tryget_live(struct percpu_ref *ref);
void percpu_ref_put(struct percpu_ref *ref);
void percpu_ref_put_many(struct percpu_ref *ref, unsigned long nr);
void percpu_ref_kill(struct percpu_ref *ref);
void percpu_ref_kill_and_confirm(struct percpu_ref *ref, percpu_ref_func_t *confirm_kill);
void percpu_ref_reinit(struct percpu_ref *ref);
void percpu_ref_resurrect(struct percpu_ref *ref);
bool percpu_ref_is_zero(struct percpu_ref *ref);
bool percpu_ref_is_dying(struct percpu_ref *ref);
void percpu_ref_switch_to_atomic(struct percpu_ref *ref, percpu_ref_func_t *confirm_switch);
void percpu_ref_switch_to_atomic_sync(struct percpu_ref *ref);
void percpu_ref_switch_to_percpu(struct percpu_ref *ref);

/* ---- per-CPU data and CPUs ---- */
void *__alloc_percpu(size_t size, size_t align);
#define alloc_percpu(type) ((type *)__alloc_percpu(sizeof(type), __alignof__(type)))
void free_percpu(void *ptr);
#define per_cpu_ptr(ptr, cpu) (ptr)
#define this_cpu_ptr(ptr) (ptr)
#define raw_cpu_ptr(ptr) (ptr)
#define per_cpu(var, cpu) (var)
#define get_cpu_var(var) (var)
#define put_cpu_var(var) do { } while (0)
#define this_cpu_read(pcp) (pcp)
#define this_cpu_write(pcp, v) ((pcp) = (v))
#define this_cpu_add(pcp, v) ((pcp) += (v))
#define this_cpu_inc(pcp) ((pcp)++)
#define this_cpu_dec(pcp) ((pcp)--)
#define DEFINE_PER_CPU(type, name) type name
#define DECLARE_PER_CPU(type, name) extern type name
int get_cpu(void);
void put_cpu(void);
int smp_processor_id(void);
int raw_smp_processor_id(void);
int num_possible_cpus(void);
int num_online_cpus(void);
extern int nr_cpu_ids;
int cpumask_next(int n, const struct cpumask *srcp);
extern const struct cpumask *const cpu_possible_mask;
extern const struct cpumask *const cpu_online_mask;
#define for_each_possible_cpu(cpu) for ((cpu) = -1; (cpu) = cpumask_next((cpu), cpu_possible_mask), (cpu) < nr_cpu_ids;)
#define for_each_online_cpu(cpu) for ((cpu) = -1; (cpu) = cpumask_next((cpu), cpu_online_mask), (cpu) < nr_cpu_ids;)
#define for_each_cpu(cpu, mask) for ((cpu) = -1; (cpu) = cpumask_next((cpu), (mask)), (cpu) < nr_cpu_ids;)

