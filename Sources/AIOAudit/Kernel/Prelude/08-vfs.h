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
struct blk_plug {
	struct list_head list;
};
void blk_start_plug(struct blk_plug *plug);
void blk_finish_plug(struct blk_plug *plug);
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

