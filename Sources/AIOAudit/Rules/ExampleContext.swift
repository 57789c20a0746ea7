/// The declarations the rules' examples share: with one of these before it, every example is a
/// complete C file that the tests check (RuleExampleTests), as SwiftLint runs its rules' examples.
/// The kernel API comes from the built-in prelude.
public enum ExampleContext {
    /// A context object with a reference count, a lock, a mutex and a count of active requests
    /// that its teardown waits for; its last put unmaps its ring and frees it after a grace period.
    public static let lifetime = """
        struct ctx {
        	atomic_t users;
        	spinlock_t lock;
        	struct mutex ring_lock;
        	int reqs_active;
        	int dead;
        	int id;
        	wait_queue_head_t wait;
        	unsigned long ring_base;
        	unsigned long ring_len;
        	struct hlist_node list;
        	struct rcu_head rcu;
        };

        struct req {
        	struct ctx *ctx;
        	struct list_head list;
        };

        struct req *take_request(void);

        static void free_ctx_rcu(struct rcu_head *head)
        {
        	kfree(container_of(head, struct ctx, rcu));
        }

        /* The last put unmaps the ring and frees ctx after a grace period. */
        static void release_ctx(struct ctx *ctx)
        {
        	vm_munmap(ctx->ring_base, ctx->ring_len);
        	call_rcu(&ctx->rcu, free_ctx_rcu);
        }

        static void get_ctx(struct ctx *ctx)
        {
        	atomic_inc(&ctx->users);
        }

        static void put_ctx(struct ctx *ctx)
        {
        	if (atomic_dec_and_test(&ctx->users))
        		release_ctx(ctx);
        }

        /* A request pins ctx: teardown waits for reqs_active to reach 0. */
        static void drop_request(struct ctx *ctx, struct req *req)
        {
        	ctx->reqs_active--;
        	if (!ctx->reqs_active)
        		wake_up(&ctx->wait);
        	kfree(req);
        }

        void destroy_ctx(struct ctx *ctx)
        {
        	spin_lock_irq(&ctx->lock);
        	ctx->dead = 1;
        	spin_unlock_irq(&ctx->lock);
        	wait_event(ctx->wait, !ctx->reqs_active);
        	put_ctx(ctx);
        }
        """

    /// A buffer whose last put frees it at once, with no grace period.
    public static let buffer =
        "\n" + """
            /* A buffer whose last put frees it at once, with no grace period. */
            struct buf {
            	atomic_t users;
            	spinlock_t lock;
            	int reqs_active;
            	wait_queue_head_t wait;
            };

            static void free_buf(struct buf *b)
            {
            	kfree(b);
            }

            static void put_buf(struct buf *b)
            {
            	if (atomic_dec_and_test(&b->users))
            		free_buf(b);
            }

            struct buf_req {
            	struct buf *buf;
            };

            struct buf_req *take_buf_request(void);

            static void drop_buf_request(struct buf *b, struct buf_req *req)
            {
            	b->reqs_active--;
            	if (!b->reqs_active)
            		wake_up(&b->wait);
            	kfree(req);
            }

            void destroy_buf(struct buf *b)
            {
            	wait_event(b->wait, !b->reqs_active);
            	put_buf(b);
            }
            """

    /// A table of contexts on an RCU list, unlinked and put with no grace period between.
    public static let lookup =
        "\n" + """
            struct table {
            	spinlock_t lock;
            	struct hlist_head ctxs;
            };

            /* Destroy unlinks ctx and drops the table's reference with no grace period between. */
            void unlink_ctx(struct table *t, struct ctx *ctx)
            {
            	spin_lock(&t->lock);
            	hlist_del_rcu(&ctx->list);
            	spin_unlock(&t->lock);
            	put_ctx(ctx);
            }
            """

    /// Contexts in a table of slots that readers search under RCU.
    public static let slots =
        "\n" + """
            struct slot_table {
            	int nr;
            	struct ctx *ctxs[16];
            };

            struct slots {
            	spinlock_t lock;
            	struct slot_table *table;
            };

            /* The writer: publishes a context in a free slot, under the lock. */
            int slot_install(struct slots *s, struct ctx *ctx)
            {
            	struct slot_table *t;
            	int i;

            	spin_lock(&s->lock);
            	t = rcu_dereference_protected(s->table, lockdep_is_held(&s->lock));
            	for (i = 0; i < t->nr; i++) {
            		if (!rcu_access_pointer(t->ctxs[i])) {
            			rcu_assign_pointer(t->ctxs[i], ctx);
            			spin_unlock(&s->lock);
            			return i;
            		}
            	}
            	spin_unlock(&s->lock);
            	return -ENOSPC;
            }
            """

    /// A system-wide quota kept in an atomic counter.
    public static let quota =
        "\n" + """
            atomic_t quota_used;
            int quota_max = 64;
            """

    /// A poller whose owner waits for its wait queue pointer to be released.
    public static let poller =
        "\n" + """
            struct poller {
            	struct wait_queue_head *head;
            	int detached;
            };

            /* The owner: frees p once p->head is NULL. */
            void poller_reap(struct poller *p)
            {
            	if (!smp_load_acquire(&p->head))
            		kfree(p);
            }
            """

    /// A registry of contexts that lookups find and put.
    public static let registry =
        "\n" + """
            struct registry {
            	spinlock_t lock;
            	struct hlist_head ctxs;
            };
            """

    /// A context whose teardown marks it dead and waits for its requests to drain.
    public static let drainingCtx =
        "\n" + """
            void ctx_teardown(struct ctx *ctx)
            {
            	spin_lock_irq(&ctx->lock);
            	ctx->dead = 1;
            	spin_unlock_irq(&ctx->lock);
            	wait_event(ctx->wait, !ctx->reqs_active);
            	put_ctx(ctx);
            }
            """
}
