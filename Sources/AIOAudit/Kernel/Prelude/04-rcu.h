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
void rcu_read_lock_sched_notrace(void);
void rcu_read_unlock_sched_notrace(void);
int rcu_read_lock_held(void);
/* Sleepable RCU: each srcu_struct is its own domain. */
struct srcu_struct {
	int srcu_idx;
};
int srcu_read_lock(struct srcu_struct *ssp);
void srcu_read_unlock(struct srcu_struct *ssp, int idx);
void synchronize_srcu(struct srcu_struct *ssp);
void srcu_barrier(struct srcu_struct *ssp);
#define srcu_dereference(p, ssp) (p)
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
