/// The built-in kernel prelude, injected in memory with `-include` in standalone mode.
///
/// It declares the kernel API as fs/aio.c of any era from 2.6 to 6.x uses it: types, structures
/// (the union of their fields over the eras), error codes and flags, and the primitives the
/// analysis reasons about. Locking, RCU, reference-count, work-queue and free primitives are
/// declared as functions, never as macros that expand to something else, so every call keeps its
/// name; iteration macros are real loops; SYSCALL_DEFINEn defines sys_NAME.
///
/// Format rules the tool relies on (DeclarationSynthesis): every structure definition starts with
/// `struct NAME {` and ends with `};`, both at column 0, so members the parser asks for can be
/// added and a structure the file defines itself can be dropped; a declaration followed by
/// `/* aio-audit alternative: DECL */` is replaced by DECL when the file uses the older shape.
enum KernelPrelude {
    static let header: String = #"""
        /* aio-audit kernel prelude: the kernel API as fs/aio.c of any era uses it, for parsing a lone
         * file. Primitives the analysis reasons about (locks, RCU, reference counts, work items, frees)
         * are declared as functions so that every call keeps its name; iteration macros are real loops.
         * Structures: each starts with "struct NAME {" and ends with "};" at column 0, so that the tool
         * can add members the parser asks for, or drop a structure the file defines itself. */

        /* ---- compiler and annotation macros ---- */
        #define __user
        #define __kernel
        #define __iomem
        #define __force
        #define __rcu
        #define __percpu
        #define __bitwise
        #define __must_check
        #define __always_inline inline
        #define __inline__ inline
        #define __inline inline
        #define noinline
        #define __noinline
        #define __init
        #define __exit
        #define __initdata
        #define __read_mostly
        #define __ro_after_init
        #define __cold
        #define __hot
        #define __maybe_unused __attribute__((unused))
        #define __always_unused __attribute__((unused))
        #define __used __attribute__((used))
        #define __packed __attribute__((packed))
        #define __aligned(x) __attribute__((aligned(x)))
        #define ____cacheline_aligned
        #define ____cacheline_aligned_in_smp
        #define __cacheline_aligned
        #define __cacheline_aligned_in_smp
        #define __attribute_const__
        #define __pure
        #define __noreturn __attribute__((noreturn))
        #define __printf(a, b)
        #define __acquires(x)
        #define __releases(x)
        #define __acquire(x) (void)0
        #define __release(x) (void)0
        #define __must_hold(x)
        #define __cond_lock(x, c) (c)
        #define __randomize_layout
        #define __no_randomize_layout
        #define __counted_by(x)
        #define __nocast
        #define __safe
        #define __deprecated
        #define __visible
        #define __weak __attribute__((weak))
        #define __section(s)
        #define __latent_entropy
        #define notrace
        #define asmlinkage
        #define fastcall
        #define __sched
        #define __lockfunc
        #define __ref
        #define __refdata
        #define __devinit
        #define __meminit
        #define inline inline
        #define fallthrough do {} while (0)
        #define __fallthrough
        #define unlikely_notrace(x) (x)
        #define likely(x) __builtin_expect(!!(x), 1)
        #define unlikely(x) __builtin_expect(!!(x), 0)
        #define barrier() __asm__ __volatile__("" : : : "memory")
        #define ACCESS_ONCE(x) (*(volatile __typeof__(x) *)&(x))
        #define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
        #define WRITE_ONCE(x, val) do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)
        #define data_race(x) (x)
        #define smp_mb() barrier()
        #define smp_rmb() barrier()
        #define smp_wmb() barrier()
        #define smp_read_barrier_depends() do { } while (0)
        #define smp_mb__before_atomic() barrier()
        #define smp_mb__after_atomic() barrier()
        #define smp_mb__before_clear_bit() barrier()
        #define smp_mb__after_clear_bit() barrier()
        #define smp_load_acquire(p) (*(p))
        #define smp_store_release(p, v) do { *(p) = (v); } while (0)
        #define mb() barrier()
        #define rmb() barrier()
        #define wmb() barrier()
        #define cpu_relax() barrier()
        #define EXPORT_SYMBOL(sym) extern int __aio_audit_export_##sym
        #define EXPORT_SYMBOL_GPL(sym) extern int __aio_audit_export_##sym
        #define EXPORT_SYMBOL_NS_GPL(sym, ns) extern int __aio_audit_export_##sym
        #define MODULE_LICENSE(x)
        #define module_init(fn) extern int __aio_audit_initcall_##fn
        #define module_exit(fn) extern int __aio_audit_exitcall_##fn
        #define __initcall(fn) extern int __aio_audit_initcall_##fn
        #define core_initcall(fn) __initcall(fn)
        #define postcore_initcall(fn) __initcall(fn)
        #define arch_initcall(fn) __initcall(fn)
        #define subsys_initcall(fn) __initcall(fn)
        #define fs_initcall(fn) __initcall(fn)
        #define device_initcall(fn) __initcall(fn)
        #define late_initcall(fn) __initcall(fn)
        #define static_assert(expr, ...) extern int __aio_audit_static_assert[(expr) ? 1 : -1]
        #define BUILD_BUG_ON(c) ((void)sizeof(char[1 - 2 * !!(c)]))
        #define BUILD_BUG_ON_ZERO(c) (0)
        #define BUILD_BUG_ON_NOT_POWER_OF_2(n) ((void)0)
        #define __must_be_array(a) 0
        #define IS_ENABLED(option) 0
        #define IS_BUILTIN(option) 0
        #define IS_REACHABLE(option) 0
        #define __stringify(x) #x
        #define __same_type(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))
        #define typeof __typeof__
        #define sizeof_field(t, f) (sizeof(((t *)0)->f))
        #define FIELD_SIZEOF(t, f) (sizeof(((t *)0)->f))
        #define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
        #define offsetof(t, m) __builtin_offsetof(t, m)
        #define container_of(ptr, type, member) ({ \
        	const __typeof__(((type *)0)->member) *__mptr = (ptr); \
        	(type *)((char *)__mptr - offsetof(type, member)); })
        #define container_of_safe(ptr, type, member) container_of(ptr, type, member)
        #define min(x, y) ({ __typeof__(x) _min1 = (x); __typeof__(y) _min2 = (y); _min1 < _min2 ? _min1 : _min2; })
        #define max(x, y) ({ __typeof__(x) _max1 = (x); __typeof__(y) _max2 = (y); _max1 > _max2 ? _max1 : _max2; })
        #define min_t(type, x, y) ({ type __min1 = (x); type __min2 = (y); __min1 < __min2 ? __min1 : __min2; })
        #define max_t(type, x, y) ({ type __max1 = (x); type __max2 = (y); __max1 > __max2 ? __max1 : __max2; })
        #define clamp(v, lo, hi) min(max(v, lo), hi)
        #define clamp_t(type, v, lo, hi) min_t(type, max_t(type, v, lo), hi)
        #define swap(a, b) do { __typeof__(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)
        #define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
        #define round_up(x, y) ((((x) - 1) | ((y) - 1)) + 1)
        #define round_down(x, y) ((x) & ~((y) - 1))
        #define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
        #define ALIGN(x, a) (((x) + (a) - 1) & ~((a) - 1))
        #define PTR_ALIGN(p, a) ((__typeof__(p))ALIGN((unsigned long)(p), (a)))
        #define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
        #define BIT(nr) (1UL << (nr))
        #define BITS_PER_LONG 64
        #define U32_MAX ((u32)~0U)
        #define INT_MAX ((int)(~0U >> 1))
        #define INT_MIN (-INT_MAX - 1)
        #define UINT_MAX (~0U)
        #define LONG_MAX ((long)(~0UL >> 1))
        #define LONG_MIN (-LONG_MAX - 1)
        #define ULONG_MAX (~0UL)
        #define LLONG_MAX ((long long)(~0ULL >> 1))
        #define ULLONG_MAX (~0ULL)
        #define SIZE_MAX (~(size_t)0)
        #define S64_MAX ((s64)(~0ULL >> 1))
        #define NULL ((void *)0)
        #define true 1
        #define false 0
        #define __KERNEL_DIV_ROUND_UP(n, d) DIV_ROUND_UP(n, d)

        /* ---- basic types ---- */
        typedef _Bool bool;
        typedef signed char s8;
        typedef unsigned char u8;
        typedef short s16;
        typedef unsigned short u16;
        typedef int s32;
        typedef unsigned int u32;
        typedef long long s64;
        typedef unsigned long long u64;
        typedef s8 __s8;
        typedef u8 __u8;
        typedef s16 __s16;
        typedef u16 __u16;
        typedef s32 __s32;
        typedef u32 __u32;
        typedef s64 __s64;
        typedef u64 __u64;
        typedef u16 __le16;
        typedef u32 __le32;
        typedef u64 __le64;
        typedef u16 __be16;
        typedef u32 __be32;
        typedef u64 __be64;
        typedef unsigned long size_t;
        typedef long ssize_t;
        typedef long ptrdiff_t;
        typedef unsigned long uintptr_t;
        typedef long intptr_t;
        typedef long long loff_t;
        typedef long off_t;
        typedef unsigned long long u_int64_t;
        typedef unsigned int uint;
        typedef unsigned long ulong;
        typedef unsigned char uchar;
        typedef unsigned short ushort;
        typedef unsigned int uint32_t;
        typedef int int32_t;
        typedef unsigned long long uint64_t;
        typedef long long int64_t;
        typedef unsigned short uint16_t;
        typedef unsigned char uint8_t;
        typedef int pid_t;
        typedef unsigned int uid_t_raw;
        typedef unsigned short umode_t;
        typedef unsigned int fmode_t;
        typedef unsigned int gfp_t;
        typedef unsigned int slab_flags_t;
        typedef unsigned int vm_fault_t;
        typedef unsigned long pgoff_t;
        typedef unsigned long sector_t;
        typedef unsigned long blkcnt_t;
        typedef unsigned int dev_t;
        typedef long time_t;
        typedef long time64_t;
        /* Before 4.10 ktime_t was a union with a tv64 member; the tool switches to the alternative when the file uses it so. */
        typedef long long ktime_t; /* aio-audit alternative: typedef union ktime { s64 tv64; } ktime_t; */
        typedef long clock_t;
        typedef int clockid_t;
        typedef unsigned long aio_context_t;
        typedef unsigned int __poll_t;
        typedef unsigned int poll_t_raw;
        typedef unsigned long vm_flags_t;
        typedef unsigned long pteval_t;
        typedef int rwf_t;
        typedef long __kernel_long_t;
        typedef unsigned long __kernel_ulong_t;
        typedef long __kernel_time_t;
        typedef long long __kernel_time64_t;
        typedef long __kernel_suseconds_t;
        typedef int __kernel_pid_t;
        typedef unsigned int __kernel_size_t_raw;
        typedef unsigned long __kernel_size_t;
        typedef long __kernel_ssize_t;
        typedef long long __kernel_loff_t;
        typedef unsigned int __kernel_uid32_t;
        typedef int __kernel_rwf_t;
        typedef int compat_int_t;
        typedef unsigned int compat_uint_t;
        typedef int compat_long_t;
        typedef unsigned int compat_ulong_t;
        typedef unsigned int compat_uptr_t;
        typedef int compat_ssize_t;
        typedef unsigned int compat_size_t;
        typedef long long compat_loff_t;
        typedef unsigned int compat_aio_context_t;
        typedef int compat_time_t;
        typedef int old_time32_t;
        typedef struct { int val[2]; } __kernel_fsid_t;
        struct kuid_s {
        	unsigned int val;
        };
        typedef struct kuid_s kuid_t;
        struct kgid_s {
        	unsigned int val;
        };
        typedef struct kgid_s kgid_t;
        typedef unsigned int uid_t;
        typedef unsigned int gid_t;
        typedef unsigned long irq_flags_raw_t;
        struct cpumask {
        	unsigned long bits[1];
        };
        typedef struct cpumask cpumask_t;
        typedef struct { unsigned long sig[1]; } sigset_t;
        typedef struct { long counter; } atomic_long_raw_t;
        typedef __builtin_va_list va_list;
        #define va_start(v, l) __builtin_va_start(v, l)
        #define va_end(v) __builtin_va_end(v)
        #define va_arg(v, t) __builtin_va_arg(v, t)

        /* Structures named before they are defined (prototypes would otherwise scope them). */
        struct mm_struct;
        struct task_struct;
        struct file;
        struct inode;
        struct page;
        struct folio;
        struct kiocb;
        struct kioctx;
        struct aio_kiocb;
        struct iocb;
        struct io_event;
        struct vm_area_struct;
        struct address_space;
        struct super_block;
        struct dentry;
        struct vfsmount;
        struct work_struct;
        struct rcu_head;
        struct eventfd_ctx;
        struct iov_iter;
        struct iovec;
        struct poll_table_struct;
        struct wait_queue_entry;
        struct wait_queue_head;
        struct hrtimer;
        struct percpu_ref;
        struct kref;
        struct kmem_cache;
        struct user_namespace;
        struct cred;
        struct timespec;
        struct timespec64;
        struct __kernel_timespec;
        struct old_timespec32;
        struct compat_timespec;
        struct fs_context;
        struct file_system_type;
        struct seq_file;
        struct vm_fault;
        struct migrate_pages_raw;
        struct writeback_control;
        struct ctl_table;
        struct ctl_table_header;
        struct pid;
        struct hlist_node;
        struct llist_node;
        struct sigset_raw;
        /* ---- error numbers (values as in asm-generic/errno*.h; only distinctness matters here) ---- */
        #define EPERM 1
        #define ENOENT 2
        #define ESRCH 3
        #define EINTR 4
        #define EIO 5
        #define ENXIO 6
        #define E2BIG 7
        #define ENOEXEC 8
        #define EBADF 9
        #define ECHILD 10
        #define EAGAIN 11
        #define EWOULDBLOCK EAGAIN
        #define ENOMEM 12
        #define EACCES 13
        #define EFAULT 14
        #define EBUSY 16
        #define EEXIST 17
        #define EXDEV 18
        #define ENODEV 19
        #define ENOTDIR 20
        #define EISDIR 21
        #define EINVAL 22
        #define ENFILE 23
        #define EMFILE 24
        #define ENOTTY 25
        #define EFBIG 27
        #define ENOSPC 28
        #define ESPIPE 29
        #define EROFS 30
        #define EPIPE 32
        #define EDOM 33
        #define ERANGE 34
        #define EDEADLK 35
        #define ENAMETOOLONG 36
        #define ENOSYS 38
        #define ENOTEMPTY 39
        #define ENODATA 61
        #define ETIME 62
        #define EOVERFLOW 75
        #define EBADFD 77
        #define EOPNOTSUPP 95
        #define ENOTSUPP 524
        #define ETIMEDOUT 110
        #define EALREADY 114
        #define EINPROGRESS 115
        #define ECANCELED 125
        #define ERESTARTSYS 512
        #define ERESTARTNOINTR 513
        #define ERESTARTNOHAND 514
        #define ERESTART_RESTARTBLOCK 516
        #define EIOCBQUEUED 529
        #define EIOCBRETRY 530
        #define MAX_ERRNO 4095
        #define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
        void *ERR_PTR(long error);
        long PTR_ERR(const void *ptr);
        bool IS_ERR(const void *ptr);
        bool IS_ERR_OR_NULL(const void *ptr);
        void *ERR_CAST(const void *ptr);
        int PTR_ERR_OR_ZERO(const void *ptr);

        /* ---- allocation flags ---- */
        #define __GFP_WAIT 0x10u
        #define __GFP_HIGH 0x20u
        #define __GFP_IO 0x40u
        #define __GFP_FS 0x80u
        #define __GFP_ZERO 0x100u
        #define __GFP_NOWARN 0x200u
        #define __GFP_NORETRY 0x400u
        #define __GFP_NOFAIL 0x800u
        #define __GFP_COMP 0x1000u
        #define __GFP_HIGHMEM 0x2u
        #define __GFP_MOVABLE 0x8u
        #define __GFP_ACCOUNT 0x400000u
        #define __GFP_RECLAIM 0x10u
        #define GFP_ATOMIC 0x20u
        #define GFP_NOWAIT 0x0u
        #define GFP_NOIO 0x10u
        #define GFP_NOFS 0x50u
        #define GFP_KERNEL 0xd0u
        #define GFP_KERNEL_ACCOUNT (GFP_KERNEL | __GFP_ACCOUNT)
        #define GFP_USER 0xd0u
        #define GFP_HIGHUSER 0xd2u
        #define GFP_HIGHUSER_MOVABLE 0xdau
        #define GFP_TEMPORARY 0xd0u
        #define SLAB_HWCACHE_ALIGN 0x2000u
        #define SLAB_PANIC 0x40000u
        #define SLAB_ACCOUNT 0x4000000u
        #define SLAB_TYPESAFE_BY_RCU 0x80000u
        #define SLAB_DESTROY_BY_RCU 0x80000u
        #define KMEM_CACHE(s, flags) kmem_cache_create(#s, sizeof(struct s), 0, (flags), NULL)

        /* ---- printing, warnings and bugs ---- */
        #define KERN_EMERG "<0>"
        #define KERN_ALERT "<1>"
        #define KERN_CRIT "<2>"
        #define KERN_ERR "<3>"
        #define KERN_WARNING "<4>"
        #define KERN_NOTICE "<5>"
        #define KERN_INFO "<6>"
        #define KERN_DEBUG "<7>"
        #define KERN_CONT ""
        int printk(const char *fmt, ...);
        int printk_ratelimit(void);
        #define printk_once(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define printk_ratelimited(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_fmt(fmt) fmt
        #define pr_emerg(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_alert(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_crit(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_err(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_warn(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_warning(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_notice(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_info(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_debug(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_devel(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_cont(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_err_once(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_warn_once(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_warn_ratelimited(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define pr_err_ratelimited(fmt, ...) printk(fmt, ##__VA_ARGS__)
        #define no_printk(fmt, ...) printk(fmt, ##__VA_ARGS__)
        int sprintf(char *buf, const char *fmt, ...);
        int snprintf(char *buf, size_t size, const char *fmt, ...);
        int scnprintf(char *buf, size_t size, const char *fmt, ...);
        void dump_stack(void);
        /* BUG() and panic() never return; the flow graph ends their blocks. */
        void BUG(void) __attribute__((noreturn));
        void panic(const char *fmt, ...) __attribute__((noreturn));
        #define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)
        #define VM_BUG_ON(condition) BUG_ON(condition)
        #define VM_BUG_ON_PAGE(condition, page) BUG_ON(condition)
        #define VM_BUG_ON_FOLIO(condition, folio) BUG_ON(condition)
        int __warn_on(int condition);
        #define WARN_ON(condition) ({ int __ret_warn_on = !!(condition); __warn_on(__ret_warn_on); unlikely(__ret_warn_on); })
        #define WARN_ON_ONCE(condition) WARN_ON(condition)
        #define WARN(condition, fmt, ...) WARN_ON(condition)
        #define WARN_ONCE(condition, fmt, ...) WARN_ON(condition)
        #define WARN_ON_SMP(condition) WARN_ON(condition)
        #define VM_WARN_ON(condition) WARN_ON(condition)
        #define VM_WARN_ON_ONCE(condition) WARN_ON(condition)
        void might_sleep(void);
        void might_fault(void);
        void cond_resched(void);
        int cond_resched_lock(void *lock);
        /* ---- lists ---- */
        struct list_head {
        	struct list_head *next, *prev;
        };
        struct hlist_head {
        	struct hlist_node *first;
        };
        struct hlist_node {
        	struct hlist_node *next, **pprev;
        };
        struct llist_head {
        	struct llist_node *first;
        };
        struct llist_node {
        	struct llist_node *next;
        };
        #define LIST_HEAD_INIT(name) { &(name), &(name) }
        #define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)
        #define HLIST_HEAD_INIT { .first = NULL }
        #define HLIST_HEAD(name) struct hlist_head name = { .first = NULL }
        #define INIT_HLIST_HEAD(ptr) ((ptr)->first = NULL)
        void INIT_LIST_HEAD(struct list_head *list);
        void INIT_HLIST_NODE(struct hlist_node *h);
        void list_add(struct list_head *new, struct list_head *head);
        void list_add_tail(struct list_head *new, struct list_head *head);
        void list_add_rcu(struct list_head *new, struct list_head *head);
        void list_add_tail_rcu(struct list_head *new, struct list_head *head);
        void list_del(struct list_head *entry);
        void list_del_init(struct list_head *entry);
        void list_del_rcu(struct list_head *entry);
        void list_move(struct list_head *list, struct list_head *head);
        void list_move_tail(struct list_head *list, struct list_head *head);
        void list_splice(const struct list_head *list, struct list_head *head);
        void list_splice_init(struct list_head *list, struct list_head *head);
        void list_splice_tail_init(struct list_head *list, struct list_head *head);
        void list_replace(struct list_head *old, struct list_head *new);
        void list_replace_init(struct list_head *old, struct list_head *new);
        int list_empty(const struct list_head *head);
        int list_empty_careful(const struct list_head *head);
        int list_is_last(const struct list_head *list, const struct list_head *head);
        int list_is_singular(const struct list_head *head);
        void hlist_add_head(struct hlist_node *n, struct hlist_head *h);
        void hlist_add_head_rcu(struct hlist_node *n, struct hlist_head *h);
        void hlist_del(struct hlist_node *n);
        void hlist_del_init(struct hlist_node *n);
        void hlist_del_rcu(struct hlist_node *n);
        void hlist_del_init_rcu(struct hlist_node *n);
        int hlist_empty(const struct hlist_head *h);
        int hlist_unhashed(const struct hlist_node *h);
        bool llist_add(struct llist_node *new, struct llist_head *head);
        struct llist_node *llist_del_all(struct llist_head *head);
        #define list_entry(ptr, type, member) container_of(ptr, type, member)
        #define list_entry_rcu(ptr, type, member) container_of(ptr, type, member)
        #define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
        #define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
        #define list_first_entry_or_null(ptr, type, member) \
        	(!list_empty(ptr) ? list_first_entry(ptr, type, member) : NULL)
        #define list_next_entry(pos, member) list_entry((pos)->member.next, __typeof__(*(pos)), member)
        #define list_prev_entry(pos, member) list_entry((pos)->member.prev, __typeof__(*(pos)), member)
        #define hlist_entry(ptr, type, member) container_of(ptr, type, member)
        #define hlist_entry_safe(ptr, type, member) ({ __typeof__(ptr) ____ptr = (ptr); ____ptr ? hlist_entry(____ptr, type, member) : NULL; })
        #define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)
        #define __list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)
        #define list_for_each_prev(pos, head) for (pos = (head)->prev; pos != (head); pos = pos->prev)
        #define list_for_each_safe(pos, n, head) \
        	for (pos = (head)->next, n = pos->next; pos != (head); pos = n, n = pos->next)
        #define list_for_each_entry(pos, head, member) \
        	for (pos = list_entry((head)->next, __typeof__(*pos), member); &pos->member != (head); \
        	     pos = list_entry(pos->member.next, __typeof__(*pos), member))
        #define list_for_each_entry_reverse(pos, head, member) \
        	for (pos = list_entry((head)->prev, __typeof__(*pos), member); &pos->member != (head); \
        	     pos = list_entry(pos->member.prev, __typeof__(*pos), member))
        #define list_for_each_entry_safe(pos, n, head, member) \
        	for (pos = list_entry((head)->next, __typeof__(*pos), member), \
        	     n = list_entry(pos->member.next, __typeof__(*pos), member); &pos->member != (head); \
        	     pos = n, n = list_entry(n->member.next, __typeof__(*n), member))
        #define list_for_each_entry_continue(pos, head, member) \
        	for (pos = list_entry(pos->member.next, __typeof__(*pos), member); &pos->member != (head); \
        	     pos = list_entry(pos->member.next, __typeof__(*pos), member))
        #define list_for_each_entry_rcu(pos, head, member, ...) \
        	for (pos = list_entry((head)->next, __typeof__(*pos), member); &pos->member != (head); \
        	     pos = list_entry(pos->member.next, __typeof__(*pos), member))
        /* hlist iteration: the 3.9+ three-argument form, and the older four-argument form with a
         * separate node cursor; dispatched on the argument count. */
        #define __aio_audit_pick5(a, b, c, d, e, name, ...) name
        #define __hlist_for_each_entry3(pos, head, member) \
        	for (pos = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); pos; \
        	     pos = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), member))
        #define __hlist_for_each_entry4(tpos, pos, head, member) \
        	for (pos = (head)->first; pos && ({ tpos = hlist_entry(pos, __typeof__(*tpos), member); 1; }); \
        	     pos = pos->next)
        #define hlist_for_each_entry(...) \
        	__aio_audit_pick5(__VA_ARGS__, __hlist_for_each_entry5, __hlist_for_each_entry4, __hlist_for_each_entry3)(__VA_ARGS__)
        #define hlist_for_each_entry_rcu(...) \
        	__aio_audit_pick5(__VA_ARGS__, __hlist_for_each_entry5, __hlist_for_each_entry4, __hlist_for_each_entry3)(__VA_ARGS__)
        #define __hlist_for_each_entry5(tpos, pos, head, member, cond) __hlist_for_each_entry4(tpos, pos, head, member)
        #define hlist_for_each_entry_safe(pos, n, head, member) \
        	for (pos = hlist_entry_safe((head)->first, __typeof__(*pos), member); \
        	     pos && ({ n = pos->member.next; 1; }); pos = hlist_entry_safe(n, __typeof__(*pos), member))
        #define hlist_for_each(pos, head) for (pos = (head)->first; pos; pos = pos->next)
        #define llist_for_each_entry(pos, node, member) \
        	for ((pos) = container_of(node, __typeof__(*(pos)), member); &(pos)->member != NULL; \
        	     (pos) = container_of((pos)->member.next, __typeof__(*(pos)), member))
        #define llist_for_each_entry_safe(pos, n, node, member) \
        	for (pos = container_of(node, __typeof__(*pos), member); &pos->member != NULL && \
        	     (n = container_of(pos->member.next, __typeof__(*n), member), 1); pos = n)

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

        /* ---- RCU ---- */
        struct rcu_head {
        	struct rcu_head *next;
        	void (*func)(struct rcu_head *head);
        };
        #define callback_head rcu_head
        void rcu_read_lock(void);
        void rcu_read_unlock(void);
        void rcu_read_lock_bh(void);
        void rcu_read_unlock_bh(void);
        void rcu_read_lock_sched(void);
        void rcu_read_unlock_sched(void);
        int rcu_read_lock_held(void);
        void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head));
        void call_rcu_sched(struct rcu_head *head, void (*func)(struct rcu_head *head));
        void call_rcu_bh(struct rcu_head *head, void (*func)(struct rcu_head *head));
        void synchronize_rcu(void);
        void synchronize_sched(void);
        void synchronize_rcu_expedited(void);
        void rcu_barrier(void);
        void rcu_barrier_sched(void);
        /* kfree_rcu() names a field: it frees the object after a grace period. */
        void __kfree_rcu(const void *ptr, unsigned long offset);
        #define kfree_rcu(ptr, field) __kfree_rcu((ptr), offsetof(__typeof__(*(ptr)), field))
        #define kvfree_rcu(ptr, ...) __kfree_rcu((ptr), 0)
        #define rcu_dereference(p) (p)
        #define rcu_dereference_raw(p) (p)
        #define rcu_dereference_bh(p) (p)
        #define rcu_dereference_sched(p) (p)
        #define rcu_dereference_check(p, c) (p)
        #define rcu_dereference_protected(p, c) (p)
        #define rcu_access_pointer(p) (p)
        #define rcu_assign_pointer(p, v) ((p) = (v))
        #define RCU_INIT_POINTER(p, v) ((p) = (v))
        #define RCU_INITIALIZER(v) (v)
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

        /* ---- work items, timers ---- */
        typedef void (*work_func_t)(struct work_struct *work);
        struct work_struct {
        	atomic_long_t data;
        	struct list_head entry;
        	work_func_t func;
        };
        struct timer_list {
        	struct hlist_node entry;
        	unsigned long expires;
        	void (*function)(struct timer_list *);
        	unsigned long data;
        	unsigned int flags;
        };
        struct delayed_work {
        	struct work_struct work;
        	struct timer_list timer;
        	struct workqueue_struct *wq;
        	int cpu;
        };
        struct rcu_work {
        	struct work_struct work;
        	struct rcu_head rcu;
        	struct workqueue_struct *wq;
        };
        struct workqueue_struct {
        	int dummy;
        };
        struct execute_work {
        	struct work_struct work;
        };
        #define __WORK_INITIALIZER(n, f) { .func = (f) }
        /* Before 2.6.20 work items took a data pointer as a third argument: both forms are accepted. */
        #define DECLARE_WORK(n, f, ...) struct work_struct n = __WORK_INITIALIZER(n, f)
        #define DECLARE_DELAYED_WORK(n, f, ...) struct delayed_work n = { .work = __WORK_INITIALIZER(n.work, f) }
        /* INIT_WORK and friends register the function that will run as the work item. */
        void __init_work(struct work_struct *work, work_func_t func);
        #define INIT_WORK(w, f, ...) __init_work((struct work_struct *)(w), (work_func_t)(f))
        #define INIT_WORK_ONSTACK(w, f) __init_work((w), (work_func_t)(f))
        #define INIT_DELAYED_WORK(w, f, ...) __init_work(&(w)->work, (work_func_t)(f))
        #define INIT_DEFERRABLE_WORK(w, f) __init_work(&(w)->work, (work_func_t)(f))
        #define INIT_RCU_WORK(w, f) __init_work(&(w)->work, (work_func_t)(f))
        #define PREPARE_WORK(w, f, ...) __init_work((w), (work_func_t)(f))
        #define PREPARE_DELAYED_WORK(w, f, ...) __init_work(&(w)->work, (work_func_t)(f))
        extern struct workqueue_struct *system_wq;
        extern struct workqueue_struct *system_long_wq;
        extern struct workqueue_struct *system_unbound_wq;
        extern struct workqueue_struct *system_highpri_wq;
        struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
        struct workqueue_struct *create_workqueue(const char *name);
        struct workqueue_struct *create_singlethread_workqueue(const char *name);
        #define WQ_UNBOUND 2
        #define WQ_MEM_RECLAIM 8
        #define WQ_HIGHPRI 16
        #define WQ_FREEZABLE 4
        void destroy_workqueue(struct workqueue_struct *wq);
        bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
        bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
        /* Before 2.6.20 queue_delayed_work took a plain work item. */
        bool queue_delayed_work(struct workqueue_struct *wq, void *dwork, unsigned long delay);
        bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
        bool queue_rcu_work(struct workqueue_struct *wq, struct rcu_work *rwork);
        bool schedule_work(struct work_struct *work);
        bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay);
        bool cancel_work_sync(struct work_struct *work);
        bool cancel_delayed_work(void *dwork);
        bool cancel_delayed_work_sync(struct delayed_work *dwork);
        bool flush_work(struct work_struct *work);
        bool flush_delayed_work(struct delayed_work *dwork);
        void flush_workqueue(struct workqueue_struct *wq);
        void flush_scheduled_work(void);
        void drain_workqueue(struct workqueue_struct *wq);
        bool work_pending(struct work_struct *work);
        int execute_in_process_context(work_func_t fn, struct execute_work *ew);
        #define to_rcu_work(w) container_of(w, struct rcu_work, work)
        #define to_delayed_work(w) container_of(w, struct delayed_work, work)
        void init_timer(struct timer_list *timer);
        void setup_timer(struct timer_list *timer, void (*function)(unsigned long), unsigned long data);
        void timer_setup(struct timer_list *timer, void (*function)(struct timer_list *), unsigned int flags);
        int mod_timer(struct timer_list *timer, unsigned long expires);
        void add_timer(struct timer_list *timer);
        int del_timer(struct timer_list *timer);
        int del_timer_sync(struct timer_list *timer);
        int timer_pending(const struct timer_list *timer);
        #define from_timer(var, t, field) container_of(t, __typeof__(*var), field)
        #define DEFINE_TIMER(n, f) struct timer_list n = { .function = (f) }
        struct tasklet_struct {
        	void (*func)(unsigned long);
        	unsigned long data;
        };
        void tasklet_schedule(struct tasklet_struct *t);
        void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
        /* ---- wait queues and scheduling ---- */
        typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
        struct wait_queue_entry {
        	unsigned int flags;
        	void *private;
        	wait_queue_func_t func;
        	struct list_head entry;
        	struct list_head task_list;
        };
        typedef struct wait_queue_entry wait_queue_entry_t;
        typedef struct wait_queue_entry wait_queue_t;
        struct wait_queue_head {
        	spinlock_t lock;
        	struct list_head head;
        	struct list_head task_list;
        };
        typedef struct wait_queue_head wait_queue_head_t;
        struct wait_bit_queue {
        	struct wait_queue_entry wait;
        };
        #define __WAIT_QUEUE_HEAD_INITIALIZER(name) { .lock = __SPIN_LOCK_UNLOCKED(name.lock) }
        #define DECLARE_WAIT_QUEUE_HEAD(name) wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
        #define __WAITQUEUE_INITIALIZER(name, tsk) { .private = (tsk) }
        #define DECLARE_WAITQUEUE(name, tsk) wait_queue_entry_t name = __WAITQUEUE_INITIALIZER(name, tsk)
        int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int sync, void *key);
        int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
        #define DEFINE_WAIT_FUNC(name, function) wait_queue_entry_t name = { .private = current, .func = function }
        #define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)
        void init_waitqueue_head(wait_queue_head_t *wq_head);
        void init_waitqueue_entry(wait_queue_entry_t *wq_entry, struct task_struct *p);
        void init_waitqueue_func_entry(wait_queue_entry_t *wq_entry, wait_queue_func_t func);
        void add_wait_queue(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry);
        void add_wait_queue_exclusive(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry);
        void remove_wait_queue(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry);
        void __add_wait_queue(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry);
        void __add_wait_queue_tail(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry);
        void __remove_wait_queue(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry);
        void prepare_to_wait(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry, int state);
        void prepare_to_wait_exclusive(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry, int state);
        long prepare_to_wait_event(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry, int state);
        void finish_wait(wait_queue_head_t *wq_head, wait_queue_entry_t *wq_entry);
        int waitqueue_active(wait_queue_head_t *wq_head);
        int wq_has_sleeper(wait_queue_head_t *wq_head);
        void wake_up(wait_queue_head_t *wq_head);
        void wake_up_all(wait_queue_head_t *wq_head);
        void wake_up_nr(wait_queue_head_t *wq_head, int nr);
        void wake_up_interruptible(wait_queue_head_t *wq_head);
        void wake_up_interruptible_all(wait_queue_head_t *wq_head);
        void wake_up_locked(wait_queue_head_t *wq_head);
        void wake_up_poll(wait_queue_head_t *wq_head, __poll_t mask);
        void __wake_up(wait_queue_head_t *wq_head, unsigned int mode, int nr, void *key);
        void __wake_up_locked_key(wait_queue_head_t *wq_head, unsigned int mode, void *key);
        int wake_up_process(struct task_struct *p);
        int wake_up_state(struct task_struct *p, unsigned int state);
        void wake_up_bit(void *word, int bit);
        /* wait_event and friends take a condition: it stays visible as an argument of the call. */
        void __aio_audit_wait_event(wait_queue_head_t *wq, long condition);
        long __aio_audit_wait_event_ret(wait_queue_head_t *wq, long condition, ...);
        #define wait_event(wq, condition) __aio_audit_wait_event(&(wq), (long)(condition))
        #define wait_event_interruptible(wq, condition) __aio_audit_wait_event_ret(&(wq), (long)(condition))
        #define wait_event_killable(wq, condition) __aio_audit_wait_event_ret(&(wq), (long)(condition))
        #define wait_event_timeout(wq, condition, timeout) __aio_audit_wait_event_ret(&(wq), (long)(condition), (timeout))
        #define wait_event_interruptible_timeout(wq, condition, timeout) __aio_audit_wait_event_ret(&(wq), (long)(condition), (timeout))
        #define wait_event_hrtimeout(wq, condition, timeout) __aio_audit_wait_event_ret(&(wq), (long)(condition), (timeout))
        #define wait_event_interruptible_hrtimeout(wq, condition, timeout) __aio_audit_wait_event_ret(&(wq), (long)(condition), (timeout))
        #define wait_event_interruptible_exclusive(wq, condition) __aio_audit_wait_event_ret(&(wq), (long)(condition))
        #define wait_event_lock_irq(wq, condition, lock) __aio_audit_wait_event(&(wq), (long)(condition))
        #define wait_event_idle(wq, condition) __aio_audit_wait_event(&(wq), (long)(condition))
        struct completion {
        	unsigned int done;
        	wait_queue_head_t wait;
        };
        #define DECLARE_COMPLETION(work) struct completion work = { 0 }
        #define DECLARE_COMPLETION_ONSTACK(work) struct completion work = { 0 }
        #define COMPLETION_INITIALIZER(work) { 0 }
        #define COMPLETION_INITIALIZER_ONSTACK(work) (*({ init_completion(&work); &work; }))
        void init_completion(struct completion *x);
        void reinit_completion(struct completion *x);
        void complete(struct completion *x);
        void complete_all(struct completion *x);
        void wait_for_completion(struct completion *x);
        int wait_for_completion_interruptible(struct completion *x);
        unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
        #define TASK_RUNNING 0x0000
        #define TASK_INTERRUPTIBLE 0x0001
        #define TASK_UNINTERRUPTIBLE 0x0002
        #define TASK_KILLABLE 0x0102
        #define TASK_IDLE 0x0402
        #define TASK_NORMAL 0x0003
        #define MAX_SCHEDULE_TIMEOUT LONG_MAX
        void schedule(void);
        void io_schedule(void);
        long schedule_timeout(long timeout);
        long schedule_timeout_interruptible(long timeout);
        long schedule_timeout_uninterruptible(long timeout);
        long io_schedule_timeout(long timeout);
        int schedule_hrtimeout_range(ktime_t *expires, u64 delta, int mode);
        void __set_current_state(long state);
        void set_current_state(long state);
        #define set_task_state(tsk, state_value) ((tsk)->state = (state_value))
        int signal_pending(struct task_struct *p);
        int fatal_signal_pending(struct task_struct *p);
        int kthread_should_stop(void);
        void msleep(unsigned int msecs);
        void ssleep(unsigned int seconds);
        void udelay(unsigned long usecs);
        void yield(void);
        void lock_kernel(void);
        void unlock_kernel(void);
        void kthread_use_mm(struct mm_struct *mm);
        void kthread_unuse_mm(struct mm_struct *mm);
        void use_mm(struct mm_struct *mm);
        void unuse_mm(struct mm_struct *mm);

        /* ---- time ---- */
        struct timespec {
        	long tv_sec;
        	long tv_nsec;
        };
        struct timespec64 {
        	time64_t tv_sec;
        	long tv_nsec;
        };
        struct __kernel_timespec {
        	__kernel_time64_t tv_sec;
        	long long tv_nsec;
        };
        struct old_timespec32 {
        	old_time32_t tv_sec;
        	s32 tv_nsec;
        };
        struct compat_timespec {
        	compat_time_t tv_sec;
        	s32 tv_nsec;
        };
        struct timeval {
        	long tv_sec;
        	long tv_usec;
        };
        struct hrtimer {
        	ktime_t _softexpires;
        	int (*function)(struct hrtimer *);
        	u8 state;
        };
        struct hrtimer_sleeper {
        	struct hrtimer timer;
        	struct task_struct *task;
        };
        enum hrtimer_mode {
        	HRTIMER_MODE_ABS = 0,
        	HRTIMER_MODE_REL = 1,
        	HRTIMER_MODE_PINNED = 2,
        	HRTIMER_MODE_SOFT = 4,
        	HRTIMER_MODE_REL_SOFT = 5
        };
        enum hrtimer_restart {
        	HRTIMER_NORESTART,
        	HRTIMER_RESTART
        };
        #define CLOCK_REALTIME 0
        #define CLOCK_MONOTONIC 1
        #define KTIME_MAX ((s64)~((u64)1 << 63))
        #define NSEC_PER_SEC 1000000000L
        #define NSEC_PER_USEC 1000L
        #define USEC_PER_SEC 1000000L
        #define HZ 1000
        extern volatile unsigned long jiffies;
        #define time_after(a, b) ((long)((b) - (a)) < 0)
        #define time_before(a, b) time_after(b, a)
        #define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
        unsigned long msecs_to_jiffies(unsigned int m);
        unsigned long timespec_to_jiffies(const struct timespec *value);
        unsigned long timespec64_to_jiffies(const struct timespec64 *value);
        ktime_t ktime_get(void);
        ktime_t ktime_add(ktime_t a, ktime_t b);
        ktime_t ktime_add_ns(ktime_t a, u64 ns);
        ktime_t ktime_set(s64 secs, unsigned long nsecs);
        ktime_t timespec_to_ktime(struct timespec ts);
        ktime_t timespec64_to_ktime(struct timespec64 ts);
        s64 ktime_to_ns(ktime_t kt);
        ktime_t ns_to_ktime(u64 ns);
        int timespec64_valid(const struct timespec64 *ts);
        int timespec_valid(const struct timespec *ts);
        int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec *uts);
        int get_old_timespec32(struct timespec64 *ts, const void *uts);
        int compat_get_timespec(struct timespec *ts, const void *uts);
        int compat_get_timespec64(struct timespec64 *ts, const void *uts);
        void hrtimer_init(struct hrtimer *timer, clockid_t which_clock, enum hrtimer_mode mode);
        void hrtimer_init_on_stack(struct hrtimer *timer, clockid_t which_clock, enum hrtimer_mode mode);
        void hrtimer_init_sleeper(struct hrtimer_sleeper *sl, struct task_struct *task);
        void hrtimer_init_sleeper_on_stack(struct hrtimer_sleeper *sl, clockid_t clock_id, enum hrtimer_mode mode);
        void hrtimer_start(struct hrtimer *timer, ktime_t tim, const enum hrtimer_mode mode);
        void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 range_ns, const enum hrtimer_mode mode);
        void hrtimer_sleeper_start_expires(struct hrtimer_sleeper *sl, enum hrtimer_mode mode);
        void hrtimer_set_expires_range_ns(struct hrtimer *timer, ktime_t time, u64 delta);
        int hrtimer_cancel(struct hrtimer *timer);
        int hrtimer_try_to_cancel(struct hrtimer *timer);
        int hrtimer_active(const struct hrtimer *timer);
        void destroy_hrtimer_on_stack(struct hrtimer *timer);
        u64 current_kernel_time_ns(void);

        /* ---- tasks, credentials, memory management ---- */
        struct task_struct {
        	volatile long state;
        	unsigned int __state;
        	struct mm_struct *mm;
        	struct mm_struct *active_mm;
        	pid_t pid;
        	pid_t tgid;
        	unsigned int flags;
        	const struct cred *cred;
        	struct files_struct *files;
        	struct nsproxy *nsproxy;
        	struct signal_struct *signal;
        	struct io_context *io_context;
        	struct task_struct *group_leader;
        	sigset_t blocked;
        	sigset_t saved_sigmask;
        	char comm[16];
        };
        struct task_struct *get_current(void);
        #define current get_current()
        struct pid *task_pid(struct task_struct *task);
        pid_t task_pid_nr(struct task_struct *tsk);
        pid_t task_tgid_vnr(struct task_struct *tsk);
        void get_task_struct(struct task_struct *t);
        void put_task_struct(struct task_struct *t);
        void task_lock(struct task_struct *p);
        void task_unlock(struct task_struct *p);
        #define PF_EXITING 0x00000004
        #define PF_KTHREAD 0x00200000
        struct cred {
        	kuid_t uid;
        	kgid_t gid;
        	kuid_t euid;
        	struct user_namespace *user_ns;
        };
        const struct cred *current_cred(void);
        kuid_t current_uid(void);
        kuid_t current_euid(void);
        struct user_namespace *current_user_ns(void);
        extern struct user_namespace init_user_ns;
        int capable(int cap);
        #define CAP_SYS_ADMIN 21
        #define CAP_SYS_RESOURCE 24
        struct rb_root {
        	struct rb_node *rb_node;
        };
        struct rb_node {
        	unsigned long __rb_parent_color;
        	struct rb_node *rb_right;
        	struct rb_node *rb_left;
        };
        struct mm_struct {
        	struct vm_area_struct *mmap;
        	struct rb_root mm_rb;
        	unsigned long mmap_base;
        	unsigned long task_size;
        	atomic_t mm_users;
        	atomic_t mm_count;
        	struct rw_semaphore mmap_sem;
        	struct rw_semaphore mmap_lock;
        	spinlock_t page_table_lock;
        	struct list_head mmlist;
        	unsigned long total_vm;
        	unsigned long locked_vm;
        	unsigned long flags;
        	struct task_struct *owner;
        	struct user_namespace *user_ns;
        	struct file *exe_file;
        	/* the process's AIO contexts, in the layouts of several eras */
        	spinlock_t ioctx_lock;
        	/* Before 2.6.27 a singly linked list of contexts under a rwlock. */
        	struct hlist_head ioctx_list; /* aio-audit alternative: struct kioctx *ioctx_list; */
        	rwlock_t ioctx_list_lock;
        	struct kioctx_table *ioctx_table;
        	struct kioctx *default_kioctx;
        };
        void mmput(struct mm_struct *mm);
        void mmgrab(struct mm_struct *mm);
        void mmdrop(struct mm_struct *mm);
        void mmget(struct mm_struct *mm);
        int mmget_not_zero(struct mm_struct *mm);
        struct mm_struct *get_task_mm(struct task_struct *task);
        int down_read_mmap(struct mm_struct *mm);
        struct vm_operations_struct {
        	void (*open)(struct vm_area_struct *area);
        	void (*close)(struct vm_area_struct *area);
        	int (*mremap)(struct vm_area_struct *area);
        	vm_fault_t (*fault)(struct vm_fault *vmf);
        	vm_fault_t (*page_mkwrite)(struct vm_fault *vmf);
        	vm_fault_t (*map_pages)(struct vm_fault *vmf, pgoff_t start_pgoff, pgoff_t end_pgoff);
        	int (*access)(struct vm_area_struct *vma, unsigned long addr, void *buf, int len, int write);
        	const char *(*name)(struct vm_area_struct *vma);
        };
        struct vm_area_struct {
        	unsigned long vm_start;
        	unsigned long vm_end;
        	struct vm_area_struct *vm_next;
        	struct mm_struct *vm_mm;
        	unsigned long vm_flags;
        	const struct vm_operations_struct *vm_ops;
        	unsigned long vm_pgoff;
        	struct file *vm_file;
        	void *vm_private_data;
        	unsigned long vm_page_prot;
        };
        struct vm_fault {
        	struct vm_area_struct *vma;
        	unsigned long address;
        	pgoff_t pgoff;
        	struct page *page;
        	unsigned int flags;
        };
        #define VM_READ 0x1
        #define VM_WRITE 0x2
        #define VM_EXEC 0x4
        #define VM_SHARED 0x8
        #define VM_MAYREAD 0x10
        #define VM_MAYWRITE 0x20
        #define VM_DONTEXPAND 0x40000
        #define VM_DONTCOPY 0x20000
        #define VM_DONTDUMP 0x4000000
        #define VM_RESERVED 0x80000
        #define VM_IO 0x4000
        #define PROT_READ 0x1
        #define PROT_WRITE 0x2
        #define PROT_EXEC 0x4
        #define MAP_SHARED 0x01
        #define MAP_PRIVATE 0x02
        #define MAP_FIXED 0x10
        #define MAP_ANONYMOUS 0x20
        #define MAP_POPULATE 0x8000
        #define MREMAP_MAYMOVE 1
        #define MREMAP_FIXED 2
        unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len, unsigned long prot,
        	unsigned long flags, ...);
        unsigned long do_mmap_pgoff(struct file *file, unsigned long addr, unsigned long len, unsigned long prot,
        	unsigned long flags, unsigned long pgoff, ...);
        unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len, unsigned long prot,
        	unsigned long flag, unsigned long offset);
        int do_munmap(struct mm_struct *mm, unsigned long start, size_t len, ...);
        int vm_munmap(unsigned long start, size_t len);
        unsigned long do_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len, unsigned long flags,
        	unsigned long new_addr);
        struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
        long get_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags, ...);
        long get_user_pages_fast(unsigned long start, int nr_pages, int write, struct page **pages);
        int vm_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page);
        #define FOLL_WRITE 0x01
        /* ---- pages, folios and allocation ---- */
        #define PAGE_SHIFT 12
        #define PAGE_SIZE (1UL << PAGE_SHIFT)
        #define PAGE_MASK (~(PAGE_SIZE - 1))
        #define PAGE_CACHE_SHIFT PAGE_SHIFT
        #define PAGE_CACHE_SIZE PAGE_SIZE
        #define PAGE_CACHE_MASK PAGE_MASK
        #define PAGE_ALIGN(addr) ALIGN(addr, PAGE_SIZE)
        #define L1_CACHE_BYTES 64
        #define SMP_CACHE_BYTES 64
        #define TASK_SIZE (~0UL)
        #define NUMA_NO_NODE (-1)
        struct page {
        	unsigned long flags;
        	struct address_space *mapping;
        	pgoff_t index;
        	unsigned long private;
        	atomic_t _count;
        	atomic_t _refcount;
        	struct list_head lru;
        };
        struct folio {
        	struct page page;
        	unsigned long flags;
        	struct address_space *mapping;
        	pgoff_t index;
        	void *private;
        	struct list_head lru;
        };
        struct page *alloc_page(gfp_t gfp);
        struct page *alloc_pages(gfp_t gfp, unsigned int order);
        unsigned long __get_free_page(gfp_t gfp);
        unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
        unsigned long get_zeroed_page(gfp_t gfp);
        void free_page(unsigned long addr);
        void free_pages(unsigned long addr, unsigned int order);
        void __free_page(struct page *page);
        void __free_pages(struct page *page, unsigned int order);
        struct page *find_or_create_page(struct address_space *mapping, pgoff_t index, gfp_t gfp);
        struct page *find_get_page(struct address_space *mapping, pgoff_t offset);
        void get_page(struct page *page);
        void put_page(struct page *page);
        void page_cache_release(struct page *page);
        void page_cache_get(struct page *page);
        void lock_page(struct page *page);
        void unlock_page(struct page *page);
        int trylock_page(struct page *page);
        void SetPageUptodate(struct page *page);
        void ClearPageUptodate(struct page *page);
        int PageUptodate(struct page *page);
        void SetPageDirty(struct page *page);
        int PageDirty(struct page *page);
        int PageLocked(struct page *page);
        int PageWriteback(struct page *page);
        int page_count(struct page *page);
        int page_mapcount(struct page *page);
        void flush_dcache_page(struct page *page);
        void mark_page_accessed(struct page *page);
        int set_page_dirty(struct page *page);
        int __set_page_dirty_no_writeback(struct page *page);
        void *page_address(const struct page *page);
        struct page *virt_to_page(const void *addr);
        void *kmap(struct page *page);
        void kunmap(struct page *page);
        void *kmap_atomic(struct page *page, ...);
        void __kunmap_atomic(void *addr);
        #define kunmap_atomic(addr, ...) __kunmap_atomic(addr)
        void *kmap_local_page(struct page *page);
        void kunmap_local(const void *addr);
        enum km_type { KM_BOUNCE_READ, KM_USER0, KM_USER1, KM_IRQ0, KM_IRQ1, KM_SOFTIRQ0, KM_SOFTIRQ1, KM_TYPE_NR };
        struct folio *page_folio(struct page *page);
        struct page *folio_page(struct folio *folio, unsigned long n);
        void folio_get(struct folio *folio);
        void folio_put(struct folio *folio);
        void folio_lock(struct folio *folio);
        void folio_unlock(struct folio *folio);
        int folio_test_uptodate(struct folio *folio);
        int folio_test_dirty(struct folio *folio);
        int folio_test_writeback(struct folio *folio);
        int folio_test_locked(struct folio *folio);
        int folio_ref_count(struct folio *folio);
        void folio_migrate_flags(struct folio *newfolio, struct folio *folio);
        void folio_migrate_copy(struct folio *newfolio, struct folio *folio);
        int folio_migrate_mapping(struct address_space *mapping, struct folio *newfolio, struct folio *folio, int extra_count);
        bool filemap_dirty_folio(struct address_space *mapping, struct folio *folio);
        enum migrate_mode { MIGRATE_ASYNC, MIGRATE_SYNC_LIGHT, MIGRATE_SYNC, MIGRATE_SYNC_NO_COPY };
        #define MIGRATEPAGE_SUCCESS 0
        int migrate_page_move_mapping(struct address_space *mapping, struct page *newpage, struct page *page, ...);
        void migrate_page_copy(struct page *newpage, struct page *page);
        int migrate_page(struct address_space *mapping, struct page *newpage, struct page *page, enum migrate_mode mode);
        void migrate_page_states(struct page *newpage, struct page *page);
        struct kmem_cache {
        	unsigned int size;
        	const char *name;
        };
        void *kmalloc(size_t size, gfp_t flags);
        void *kzalloc(size_t size, gfp_t flags);
        void *kcalloc(size_t n, size_t size, gfp_t flags);
        void *kmalloc_array(size_t n, size_t size, gfp_t flags);
        void *krealloc(const void *p, size_t new_size, gfp_t flags);
        void *kmemdup(const void *src, size_t len, gfp_t gfp);
        void kfree(const void *objp);
        void kzfree(const void *objp);
        void *vmalloc(unsigned long size);
        void *vzalloc(unsigned long size);
        void vfree(const void *addr);
        void *kvmalloc(size_t size, gfp_t flags);
        void *kvzalloc(size_t size, gfp_t flags);
        void kvfree(const void *addr);
        struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align, unsigned long flags, ...);
        void kmem_cache_destroy(struct kmem_cache *s);
        void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
        void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags);
        void kmem_cache_free(struct kmem_cache *s, void *objp);
        void *memset(void *s, int c, size_t n);
        void *memcpy(void *dest, const void *src, size_t n);
        void *memmove(void *dest, const void *src, size_t n);
        int memcmp(const void *a, const void *b, size_t n);
        size_t strlen(const char *s);
        char *strcpy(char *d, const char *s);
        int strcmp(const char *a, const char *b);
        unsigned long totalram_pages(void);
        unsigned long get_num_physpages(void);

        /* ---- user memory ---- */
        unsigned long copy_to_user(void *to, const void *from, unsigned long n);
        unsigned long copy_from_user(void *to, const void *from, unsigned long n);
        unsigned long __copy_to_user(void *to, const void *from, unsigned long n);
        unsigned long __copy_from_user(void *to, const void *from, unsigned long n);
        unsigned long clear_user(void *to, unsigned long n);
        long strncpy_from_user(char *dst, const char *src, long count);
        /* get_user/put_user assign through their first argument in the kernel. */
        int __aio_audit_get_user(void *x, const void *ptr);
        int __aio_audit_put_user(long x, void *ptr);
        #define get_user(x, ptr) __aio_audit_get_user(&(x), (ptr))
        #define __get_user(x, ptr) __aio_audit_get_user(&(x), (ptr))
        #define put_user(x, ptr) __aio_audit_put_user((long)(x), (ptr))
        #define __put_user(x, ptr) __aio_audit_put_user((long)(x), (ptr))
        #define unsafe_put_user(x, ptr, label) do { if (__aio_audit_put_user((long)(x), (ptr))) goto label; } while (0)
        #define unsafe_get_user(x, ptr, label) do { if (__aio_audit_get_user(&(x), (ptr))) goto label; } while (0)
        /* access_ok() took a VERIFY_ type before 5.0: both forms are accepted. */
        int __aio_audit_access_ok();
        #define access_ok(...) __aio_audit_access_ok(__VA_ARGS__)
        #define __access_ok(...) __aio_audit_access_ok(__VA_ARGS__)
        #define VERIFY_READ 0
        #define VERIFY_WRITE 1
        #define user_access_begin(ptr, len) __aio_audit_access_ok(ptr, len)
        typedef struct { unsigned long seg; } mm_segment_t;
        #define KERNEL_DS ((mm_segment_t) { 0UL })
        #define USER_DS ((mm_segment_t) { ~0UL })
        mm_segment_t get_fs(void);
        void set_fs(mm_segment_t fs);
        mm_segment_t get_ds(void);
        void user_access_end(void);
        void pagefault_disable(void);
        void pagefault_enable(void);
        #define array_index_nospec(index, size) (index)
        void *compat_ptr(compat_uptr_t uptr);
        compat_uptr_t ptr_to_compat(void *uptr);
        #define u64_to_user_ptr(x) ((void *)(uintptr_t)(x))
        bool in_compat_syscall(void);
        int is_compat_task(void);
        /* ---- files and the VFS ---- */
        struct qstr {
        	const unsigned char *name;
        	unsigned int len;
        	unsigned int hash;
        };
        struct path {
        	struct vfsmount *mnt;
        	struct dentry *dentry;
        };
        struct dentry {
        	struct inode *d_inode;
        	struct qstr d_name;
        	struct dentry *d_parent;
        	struct super_block *d_sb;
        	const struct dentry_operations *d_op;
        	unsigned int d_flags;
        };
        struct dentry_operations {
        	char *(*d_dname)(struct dentry *, char *, int);
        	int (*d_delete)(const struct dentry *);
        };
        struct vfsmount {
        	struct dentry *mnt_root;
        	struct super_block *mnt_sb;
        	int mnt_flags;
        };
        struct super_block {
        	struct dentry *s_root;
        	unsigned long s_magic;
        	const struct super_operations *s_op;
        	struct file_system_type *s_type;
        	void *s_fs_info;
        	unsigned long s_flags;
        	unsigned long s_iflags;
        };
        struct super_operations {
        	int (*statfs)(struct dentry *, void *);
        	void (*drop_inode)(struct inode *);
        };
        struct address_space_operations {
        	int (*writepage)(struct page *page, struct writeback_control *wbc);
        	int (*readpage)(struct file *, struct page *);
        	int (*set_page_dirty)(struct page *page);
        	bool (*dirty_folio)(struct address_space *, struct folio *);
        	int (*migratepage)(struct address_space *, struct page *, struct page *, enum migrate_mode);
        	int (*migrate_folio)(struct address_space *, struct folio *dst, struct folio *src, enum migrate_mode);
        	ssize_t (*direct_IO)(struct kiocb *, struct iov_iter *iter);
        };
        struct address_space {
        	struct inode *host;
        	void *i_pages;
        	spinlock_t private_lock;
        	spinlock_t i_private_lock;
        	struct list_head private_list;
        	void *private_data;
        	const struct address_space_operations *a_ops;
        	unsigned long nrpages;
        	unsigned long flags;
        	gfp_t gfp_mask;
        };
        struct inode {
        	umode_t i_mode;
        	unsigned int i_flags;
        	unsigned long i_ino;
        	loff_t i_size;
        	struct super_block *i_sb;
        	struct address_space *i_mapping;
        	struct address_space i_data;
        	const struct file_operations *i_fop;
        	const struct inode_operations *i_op;
        	void *i_private;
        	atomic_t i_count;
        	struct rw_semaphore i_rwsem;
        	struct mutex i_mutex;
        	spinlock_t i_lock;
        	unsigned long i_state;
        };
        struct inode_operations {
        	int (*setattr)(struct dentry *, void *);
        };
        struct fown_struct {
        	int pid;
        };
        struct file_ra_state {
        	pgoff_t start;
        };
        struct file {
        	struct path f_path;
        	struct inode *f_inode;
        	const struct file_operations *f_op;
        	spinlock_t f_lock;
        	atomic_long_t f_count;
        	unsigned int f_flags;
        	fmode_t f_mode;
        	loff_t f_pos;
        	struct fown_struct f_owner;
        	const struct cred *f_cred;
        	struct file_ra_state f_ra;
        	struct address_space *f_mapping;
        	void *private_data;
        	struct dentry *f_dentry;
        	struct vfsmount *f_vfsmnt;
        	struct list_head f_list;
        	unsigned long f_version;
        	unsigned int f_iocb_flags;
        	u64 f_version64;
        };
        struct fd {
        	struct file *file;
        	unsigned int flags;
        };
        typedef struct poll_table_struct {
        	void (*_qproc)(struct file *, wait_queue_head_t *, struct poll_table_struct *);
        	__poll_t _key;
        } poll_table;
        typedef void (*poll_queue_proc)(struct file *, wait_queue_head_t *, struct poll_table_struct *);
        /* The I/O methods' parameters changed over the eras (and vendor trees): declared without
         * prototypes, any era's calls parse. */
        struct file_operations {
        	struct module *owner;
        	loff_t (*llseek)(struct file *, loff_t, int);
        	ssize_t (*read)();
        	ssize_t (*write)();
        	ssize_t (*aio_read)();
        	ssize_t (*aio_write)();
        	ssize_t (*read_iter)();
        	ssize_t (*write_iter)();
        	int (*iopoll)();
        	__poll_t (*poll)();
        	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
        	int (*mmap)(struct file *, struct vm_area_struct *);
        	int (*open)(struct inode *, struct file *);
        	int (*flush)();
        	int (*release)(struct inode *, struct file *);
        	int (*fsync)();
        	int (*aio_fsync)();
        	ssize_t (*readv)();
        	ssize_t (*writev)();
        	int (*fasync)(int, struct file *, int);
        	unsigned int fop_flags;
        };
        struct file_system_type {
        	const char *name;
        	int fs_flags;
        	int (*init_fs_context)(struct fs_context *);
        	struct dentry *(*mount)(struct file_system_type *, int, const char *, void *);
        	int (*get_sb)(struct file_system_type *, int, const char *, void *, struct vfsmount *);
        	void (*kill_sb)(struct super_block *);
        	struct module *owner;
        };
        struct fs_context {
        	void *fs_private;
        	unsigned long s_iflags;
        	struct user_namespace *user_ns;
        	unsigned int sb_flags;
        };
        struct pseudo_fs_context {
        	const struct super_operations *ops;
        	const struct dentry_operations *dops;
        	unsigned long magic;
        };
        struct module {
        	int dummy;
        };
        #define THIS_MODULE ((struct module *)0)
        struct ctl_table {
        	const char *procname;
        	void *data;
        	int maxlen;
        	umode_t mode;
        	struct ctl_table *child;
        	void *proc_handler;
        	void *extra1;
        	void *extra2;
        	int ctl_name;
        };
        struct ctl_table_header *register_sysctl(const char *path, struct ctl_table *table);
        struct ctl_table_header *register_sysctl_init(const char *path, struct ctl_table *table);
        int proc_doulongvec_minmax(struct ctl_table *table, int write, void *buffer, size_t *lenp, loff_t *ppos);
        int proc_dointvec(struct ctl_table *table, int write, void *buffer, size_t *lenp, loff_t *ppos);
        #define CTL_UNNUMBERED (-2)
        #define FMODE_READ 0x1
        #define FMODE_WRITE 0x2
        #define FMODE_LSEEK 0x4
        #define FMODE_PREAD 0x8
        #define FMODE_PWRITE 0x10
        #define FMODE_NOWAIT 0x8000000
        #define FMODE_CAN_READ 0x20000
        #define FMODE_CAN_WRITE 0x40000
        #define O_RDONLY 00000000
        #define O_WRONLY 00000001
        #define O_RDWR 00000002
        #define O_APPEND 00002000
        #define O_NONBLOCK 00004000
        #define O_DSYNC 00010000
        #define O_DIRECT 00040000
        #define O_CLOEXEC 02000000
        #define O_SYNC (04000000 | O_DSYNC)
        #define S_IFREG 0100000
        #define S_IRUSR 00400
        #define S_IWUSR 00200
        #define S_ISREG(m) (((m) & 0170000) == 0100000)
        #define MAY_READ 4
        #define MAY_WRITE 2
        #define READ 0
        #define WRITE 1
        #define SEEK_SET 0
        #define MAX_RW_COUNT (INT_MAX & PAGE_MASK)
        #define UIO_FASTIOV 8
        #define UIO_MAXIOV 1024
        #define AIO_RING_MAGIC 0xa10a10a1
        #define AIO_RING_COMPAT_FEATURES 1
        #define AIO_RING_INCOMPAT_FEATURES 0
        #define MS_NOUSER (1 << 31)
        #define SB_I_NOEXEC 0x00000002
        #define QSTR_INIT(n, l) { .name = (const unsigned char *)(n), .len = (l) }
        bool noop_dirty_folio(struct address_space *mapping, struct folio *folio);
        char *simple_dname(struct dentry *dentry, char *buffer, int buflen);
        extern const struct vm_operations_struct generic_file_vm_ops;
        #define SB_NOUSER (1 << 31)
        #define AIO_RING_MAGIC_RAW 1
        #define ANON_INODE_FS_MAGIC 0x09041934
        #define AIO_RING_MAGIC_FS 0xa10a10a1
        struct file *fget(unsigned int fd);
        void fput(struct file *file);
        struct file *get_file(struct file *f);
        struct fd fdget(unsigned int fd);
        void fdput(struct fd fd);
        struct file *eventfd_fget_raw(int fd);
        struct inode *file_inode(const struct file *f);
        struct inode *new_inode(struct super_block *sb);
        struct inode *new_inode_pseudo(struct super_block *sb);
        struct inode *alloc_anon_inode(struct super_block *sb);
        void iput(struct inode *inode);
        void ihold(struct inode *inode);
        void inode_init_owner(void *a, struct inode *inode, const struct inode *dir, umode_t mode);
        struct file *alloc_file(struct path *path, fmode_t mode, const struct file_operations *fop);
        struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt, const char *name, int flags,
        	const struct file_operations *fops);
        struct file *anon_inode_getfile(const char *name, const struct file_operations *fops, void *priv, int flags);
        struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name);
        void d_instantiate(struct dentry *entry, struct inode *inode);
        struct dentry *mount_pseudo(struct file_system_type *fs_type, char *name, const struct super_operations *ops,
        	const struct dentry_operations *dops, unsigned long magic);
        struct pseudo_fs_context *init_pseudo(struct fs_context *fc, unsigned long magic);
        struct vfsmount *kern_mount(struct file_system_type *type);
        void kern_unmount(struct vfsmount *mnt);
        struct vfsmount *mntget(struct vfsmount *mnt);
        struct dentry *dget(struct dentry *dentry);
        void path_get(const struct path *path);
        void path_put(const struct path *path);
        char *dynamic_dname(struct dentry *dentry, char *buffer, int buflen, const char *fmt, ...);
        int simple_setattr(void *a, struct dentry *dentry, void *iattr);
        int simple_statfs(struct dentry *dentry, void *buf);
        int generic_delete_inode(struct inode *inode);
        extern const struct file_operations ramfs_file_operations;
        extern const struct inode_operations ramfs_file_inode_operations;
        extern const struct address_space_operations empty_aops;
        extern const struct dentry_operations simple_dentry_operations;
        int rw_verify_area(int rw, struct file *file, const loff_t *pos, size_t count);
        int security_file_permission(struct file *file, int mask);
        ssize_t vfs_read(struct file *file, char *buf, size_t count, loff_t *pos);
        ssize_t vfs_write(struct file *file, const char *buf, size_t count, loff_t *pos);
        int vfs_fsync(struct file *file, int datasync);
        int generic_write_checks(struct file *file, loff_t *pos, size_t *count, int isblk);
        void file_start_write(struct file *file);
        void file_end_write(struct file *file);
        /* Freeze protection took a third "wait" argument before 4.20: unprototyped. */
        void __sb_writers_release();
        void __sb_writers_acquired();
        int __sb_start_write();
        void __sb_end_write();
        #define SB_FREEZE_WRITE 1
        int file_write_and_wait_range(struct file *file, loff_t start, loff_t end);
        void fsnotify_access(struct file *file);
        void fsnotify_modify(struct file *file);
        void *vfs_poll_raw(struct file *file);
        __poll_t vfs_poll(struct file *file, struct poll_table_struct *pt);
        void init_poll_funcptr(poll_table *pt, poll_queue_proc qproc);
        __poll_t mangle_poll(__poll_t val);
        __poll_t demangle_poll(u16 val);
        #define key_to_poll(m) ((__poll_t)(uintptr_t)(void *)(m))
        #define poll_to_key(m) ((void *)(uintptr_t)(m))
        #define EPOLLIN 0x00000001
        #define EPOLLPRI 0x00000002
        #define EPOLLOUT 0x00000004
        #define EPOLLERR 0x00000008
        #define EPOLLHUP 0x00000010
        #define EPOLLNVAL 0x00000020
        #define EPOLLRDNORM 0x00000040
        #define EPOLLRDHUP 0x00002000
        #define EPOLLONESHOT (1U << 30)
        #define EPOLLEXCLUSIVE (1U << 28)
        #define EPOLLFREE 0x00004000
        #define POLLFREE 0x4000
        #define POLLIN 0x0001
        #define POLLERR 0x0008
        #define POLLHUP 0x0010
        #define POLLNVAL 0x0020
        void blk_start_plug(struct blk_plug *plug);
        void blk_finish_plug(struct blk_plug *plug);
        struct blk_plug {
        	struct list_head list;
        };
        #define AIO_PLUG_THRESHOLD 2
        int kiocb_set_rw_flags(struct kiocb *ki, rwf_t flags);
        int ioprio_check_cap(int ioprio);
        int get_current_ioprio(void);
        #define IOPRIO_PRIO_VALUE(class, data) (((class) << 13) | (data))
        #define IOPRIO_CLASS_NONE 0
        int file_write_hint(struct file *file);
        int ki_hint_validate(int hint);

        /* ---- vectors and iterators ---- */
        struct iovec {
        	void *iov_base;
        	__kernel_size_t iov_len;
        };
        struct compat_iovec {
        	compat_uptr_t iov_base;
        	compat_size_t iov_len;
        };
        struct kvec {
        	void *iov_base;
        	size_t iov_len;
        };
        #define ITER_SOURCE 1
        #define ITER_DEST 0
        #define ITER_IOVEC 0
        #define ITER_KVEC 2
        struct iov_iter {
        	u8 iter_type;
        	bool data_source;
        	int type;
        	size_t iov_offset;
        	size_t count;
        	const struct iovec *iov;
        	const struct iovec *__iov;
        	const struct kvec *kvec;
        	unsigned long nr_segs;
        };
        ssize_t import_iovec(int type, const struct iovec *uvector, unsigned nr_segs, unsigned fast_segs,
        	struct iovec **iovp, struct iov_iter *i, ...);
        ssize_t compat_import_iovec(int type, const void *uvector, unsigned nr_segs, unsigned fast_segs,
        	struct iovec **iovp, struct iov_iter *i);
        int import_single_range(int type, void *buf, size_t len, struct iovec *iov, struct iov_iter *i);
        int import_ubuf(int type, void *buf, size_t len, struct iov_iter *i);
        ssize_t rw_copy_check_uvector(int type, const struct iovec *uvector, unsigned long nr_segs,
        	unsigned long fast_segs, struct iovec *fast_pointer, struct iovec **ret_pointer, ...);
        ssize_t compat_rw_copy_check_uvector(int type, const void *uvector, unsigned long nr_segs,
        	unsigned long fast_segs, struct iovec *fast_pointer, struct iovec **ret_pointer, ...);
        void iov_iter_init(struct iov_iter *i, int direction, const struct iovec *iov, unsigned long nr_segs, size_t count);
        size_t iov_iter_count(const struct iov_iter *i);
        void iov_iter_truncate(struct iov_iter *i, u64 count);
        void iov_iter_advance(struct iov_iter *i, size_t bytes);
        size_t iov_length(const struct iovec *iov, unsigned long nr_segs);
        void iov_shorten_raw(void);
        unsigned long iov_shorten(struct iovec *iov, unsigned long nr_segs, size_t to);

        /* ---- eventfd, security, misc services ---- */
        struct eventfd_ctx {
        	struct kref kref;
        	wait_queue_head_t wqh;
        	u64 count;
        };
        struct eventfd_ctx *eventfd_ctx_fdget(int fd);
        struct eventfd_ctx *eventfd_ctx_fileget(struct file *file);
        int eventfd_signal(struct eventfd_ctx *ctx, ...);
        void eventfd_ctx_put(struct eventfd_ctx *ctx);
        struct file *eventfd_fget(int fd);
        int security_aio_submit_raw(void);
        struct nsproxy {
        	int count;
        };
        struct files_struct {
        	int count;
        };
        struct signal_struct {
        	int nr_threads;
        };
        struct io_context {
        	int ioprio;
        };
        void audit_syscall_raw(void);
        int nr_free_pages(void);
        unsigned long nr_free_buffer_pages(void);
        void lru_cache_add_file(struct page *page);
        int add_to_page_cache_lru(struct page *page, struct address_space *mapping, pgoff_t index, gfp_t gfp);
        void truncate_setsize(struct inode *inode, loff_t newsize);
        void i_size_write(struct inode *inode, loff_t i_size);
        loff_t i_size_read(const struct inode *inode);
        void mapping_set_unevictable(struct address_space *mapping);
        void mapping_set_gfp_mask(struct address_space *m, gfp_t mask);
        struct file *aio_private_file_raw(void);
        void kill_anon_super(struct super_block *sb);
        void kill_litter_super(struct super_block *sb);
        int put_page_testzero(struct page *page);
        int task_work_add(struct task_struct *task, void *twork, int notify);
        void exit_aio(struct mm_struct *mm);
        void percpu_counter_raw(void);
        int __must_check_raw(void);

        /* ---- the aio ABI (include/uapi/linux/aio_abi.h) ---- */
        enum {
        	IOCB_CMD_PREAD = 0,
        	IOCB_CMD_PWRITE = 1,
        	IOCB_CMD_FSYNC = 2,
        	IOCB_CMD_FDSYNC = 3,
        	IOCB_CMD_PREADX = 4,
        	IOCB_CMD_POLL = 5,
        	IOCB_CMD_NOOP = 6,
        	IOCB_CMD_PREADV = 7,
        	IOCB_CMD_PWRITEV = 8
        };
        #define IOCB_FLAG_RESFD (1 << 0)
        #define IOCB_FLAG_IOPRIO (1 << 1)
        struct io_event {
        	__u64 data;
        	__u64 obj;
        	__s64 res;
        	__s64 res2;
        };
        struct iocb {
        	__u64 aio_data;
        	__u32 aio_key;
        	__u32 aio_reserved1;
        	__kernel_rwf_t aio_rw_flags;
        	__u16 aio_lio_opcode;
        	__s16 aio_reqprio;
        	__u32 aio_fildes;
        	__u64 aio_buf;
        	__u64 aio_nbytes;
        	__s64 aio_offset;
        	__u64 aio_reserved2;
        	__u64 aio_reserved3;
        	__u32 aio_flags;
        	__u32 aio_resfd;
        };
        struct __aio_sigset {
        	const sigset_t *sigmask;
        	size_t sigsetsize;
        };
        int set_user_sigmask(const sigset_t *umask, size_t sigsetsize);
        int set_compat_user_sigmask(const void *umask, size_t sigsetsize);
        void restore_saved_sigmask_unless(bool interrupted);
        void restore_saved_sigmask(void);
        int sigprocmask(int how, sigset_t *set, sigset_t *oldset);
        void sigdelsetmask(sigset_t *set, unsigned long mask);
        void set_restore_sigmask(void);
        #define SIGKILL 9
        #define SIGSTOP 19
        #define sigmask(sig) (1UL << ((sig) - 1))
        #define SIG_SETMASK 2
        #define KIOCB_KEY 0
        #define KIOCB_SYNC_KEY (~0U)
        /* The cancel callback's parameters changed over the eras: declared without a prototype. */
        typedef int (kiocb_cancel_fn)();
        #define KIOCB_CANCELLED ((void *)(~0ULL))
        /* struct kiocb: the union of its fields over the eras. */
        struct kiocb {
        	struct list_head ki_run_list;
        	unsigned long ki_flags;
        	int ki_users;
        	unsigned ki_key;
        	struct file *ki_filp;
        	struct kioctx *ki_ctx;
        	kiocb_cancel_fn *ki_cancel;
        	ssize_t (*ki_retry)(struct kiocb *);
        	void (*ki_dtor)(struct kiocb *);
        	void (*ki_complete)(struct kiocb *iocb, long ret, ...);
        	union {
        		void *user;
        		struct task_struct *tsk;
        		void (*complete)(u64 user_data, long res);
        	} ki_obj;
        	__u64 ki_user_data;
        	loff_t ki_pos;
        	void *private;
        	unsigned short ki_opcode;
        	size_t ki_nbytes;
        	char *ki_buf;
        	size_t ki_left;
        	struct iovec ki_inline_vec;
        	struct iovec *ki_iovec;
        	unsigned long ki_nr_segs;
        	unsigned long ki_cur_seg;
        	struct list_head ki_list;
        	struct list_head ki_batch;
        	struct eventfd_ctx *ki_eventfd;
        	struct iocb *ki_user_iocb;
        	wait_queue_t ki_wait;
        	int ki_hint;
        	u16 ki_ioprio;
        	unsigned int ki_cookie;
        	union {
        		unsigned int ki_cookie;
        		struct wait_page_queue *ki_waitq;
        	} ki_u;
        };
        #define IOCB_EVENTFD (1 << 16)
        #define IOCB_APPEND (1 << 1)
        #define IOCB_DIRECT (1 << 2)
        #define IOCB_HIPRI (1 << 3)
        #define IOCB_DSYNC (1 << 4)
        #define IOCB_SYNC (1 << 5)
        #define IOCB_WRITE (1 << 6)
        #define IOCB_NOWAIT (1 << 7)
        #define IOCB_AIO_RW (1 << 22)
        #define IOCB_NOIO (1 << 20)
        #define is_sync_kiocb(iocb) ((iocb)->ki_key == KIOCB_SYNC_KEY)
        void init_sync_kiocb(struct kiocb *kiocb, struct file *filp);
        ssize_t wait_on_sync_kiocb(struct kiocb *iocb);
        int kiocb_set_cancel_fn_raw(void);
        /* The pre-3.10 kioctx and its ring, as include/linux/aio.h defined them; later eras define
         * struct kioctx in fs/aio.c itself, and the tool then drops this one. */
        struct aio_ring_info {
        	unsigned long mmap_base;
        	unsigned long mmap_size;
        	struct page **ring_pages;
        	spinlock_t ring_lock;
        	long nr_pages;
        	unsigned nr, tail;
        	struct page *internal_pages[8];
        };
        #define AIO_RING_PAGES 8
        struct aio_ring {
        	unsigned id;
        	unsigned nr;
        	unsigned head;
        	unsigned tail;
        	unsigned magic;
        	unsigned compat_features;
        	unsigned incompat_features;
        	unsigned header_length;
        	struct io_event io_events[0];
        };
        struct kioctx {
        	atomic_t users;
        	int dead;
        	struct mm_struct *mm;
        	unsigned long user_id;
        	struct hlist_node list;
        	struct kioctx *next;
        	wait_queue_head_t wait;
        	spinlock_t ctx_lock;
        	int reqs_active;
        	struct list_head active_reqs;
        	struct list_head run_list;
        	unsigned max_reqs;
        	struct aio_ring_info ring_info;
        	struct delayed_work wq;
        	struct rcu_head rcu_head;
        };
        /* ---- system call definitions ---- */
        #define __AIO_MAP0(m, ...)
        #define __AIO_MAP1(m, t, a, ...) m(t, a)
        #define __AIO_MAP2(m, t, a, ...) m(t, a), __AIO_MAP1(m, __VA_ARGS__)
        #define __AIO_MAP3(m, t, a, ...) m(t, a), __AIO_MAP2(m, __VA_ARGS__)
        #define __AIO_MAP4(m, t, a, ...) m(t, a), __AIO_MAP3(m, __VA_ARGS__)
        #define __AIO_MAP5(m, t, a, ...) m(t, a), __AIO_MAP4(m, __VA_ARGS__)
        #define __AIO_MAP6(m, t, a, ...) m(t, a), __AIO_MAP5(m, __VA_ARGS__)
        #define __AIO_MAP(n, ...) __AIO_MAP##n(__VA_ARGS__)
        #define __AIO_DECL(t, a) t a
        /* SYSCALL_DEFINEn(name, type, arg, ...) defines sys_name(type arg, ...). */
        #define SYSCALL_DEFINE0(name) long sys_##name(void)
        #define SYSCALL_DEFINE1(name, ...) long sys_##name(__AIO_MAP(1, __AIO_DECL, __VA_ARGS__))
        #define SYSCALL_DEFINE2(name, ...) long sys_##name(__AIO_MAP(2, __AIO_DECL, __VA_ARGS__))
        #define SYSCALL_DEFINE3(name, ...) long sys_##name(__AIO_MAP(3, __AIO_DECL, __VA_ARGS__))
        #define SYSCALL_DEFINE4(name, ...) long sys_##name(__AIO_MAP(4, __AIO_DECL, __VA_ARGS__))
        #define SYSCALL_DEFINE5(name, ...) long sys_##name(__AIO_MAP(5, __AIO_DECL, __VA_ARGS__))
        #define SYSCALL_DEFINE6(name, ...) long sys_##name(__AIO_MAP(6, __AIO_DECL, __VA_ARGS__))
        #define COMPAT_SYSCALL_DEFINE0(name) long compat_sys_##name(void)
        #define COMPAT_SYSCALL_DEFINE1(name, ...) long compat_sys_##name(__AIO_MAP(1, __AIO_DECL, __VA_ARGS__))
        #define COMPAT_SYSCALL_DEFINE2(name, ...) long compat_sys_##name(__AIO_MAP(2, __AIO_DECL, __VA_ARGS__))
        #define COMPAT_SYSCALL_DEFINE3(name, ...) long compat_sys_##name(__AIO_MAP(3, __AIO_DECL, __VA_ARGS__))
        #define COMPAT_SYSCALL_DEFINE4(name, ...) long compat_sys_##name(__AIO_MAP(4, __AIO_DECL, __VA_ARGS__))
        #define COMPAT_SYSCALL_DEFINE5(name, ...) long compat_sys_##name(__AIO_MAP(5, __AIO_DECL, __VA_ARGS__))
        #define COMPAT_SYSCALL_DEFINE6(name, ...) long compat_sys_##name(__AIO_MAP(6, __AIO_DECL, __VA_ARGS__))
        #define CONFIG_MMU 1
        """#
}
