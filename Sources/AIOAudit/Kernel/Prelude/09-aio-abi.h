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
