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
void list_del_init_careful(struct list_head *entry);
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

