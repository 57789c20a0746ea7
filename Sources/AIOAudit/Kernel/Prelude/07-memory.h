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
/* The page cache's fault handlers (a ring's vm_ops under CONFIG_MMU). */
vm_fault_t filemap_fault(struct vm_fault *vmf);
vm_fault_t filemap_page_mkwrite(struct vm_fault *vmf);
vm_fault_t filemap_map_pages(struct vm_fault *vmf, pgoff_t start_pgoff, pgoff_t end_pgoff);
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
