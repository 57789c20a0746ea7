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
/* kconfig's test of an option: 1 when it is defined to 1 (the options standalone mode sets as an
 * x86_64 build does, -DCONFIG_X=1), 0 when it is not defined. */
#define __AIO_ARG_PLACEHOLDER_1 0,
#define __aio_take_second_arg(__ignored, val, ...) val
#define __aio_is_defined(x) ___aio_is_defined(x)
#define ___aio_is_defined(val) ____aio_is_defined(__AIO_ARG_PLACEHOLDER_##val)
#define ____aio_is_defined(arg1_or_junk) __aio_take_second_arg(arg1_or_junk 1, 0)
#define IS_BUILTIN(option) __aio_is_defined(option)
#define IS_MODULE(option) 0
#define IS_ENABLED(option) __aio_is_defined(option)
#define IS_REACHABLE(option) __aio_is_defined(option)
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
typedef struct { compat_uint_t sig[2]; } compat_sigset_t;
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
