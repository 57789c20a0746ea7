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

/* Interrupt handlers. */
typedef int irqreturn_t;
#define IRQ_NONE 0
#define IRQ_HANDLED 1
typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev);
int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev);
void free_irq(unsigned int irq, void *dev_id);
