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
