/// lock-order: two lock classes taken in both orders (or a longer cycle), on paths of the file.
public struct LockOrderRule: FileRule {
    public static var isGeneric: Bool { true }
    public static let id = "lock-order"
    public static let summary = "lock classes taken in both orders on two paths: a possible deadlock"
    public static let rationale = """
        lockdep's first rule, found on the paths instead of a running kernel: when one path takes \
        B while holding A and another takes A while holding B (directly, or inside a function of \
        the file it calls, or through a longer cycle A -> B -> C -> A), two CPUs running them \
        can each hold one lock and wait forever for the other. Locks are named by class as \
        lockdep names them: a field of a structure type (`kioctx.ctx_lock`), a global, a kernel \
        lock (`task_struct.alloc_lock` behind task_lock(), the mm's `mmap_lock` behind a fault on \
        user memory, a wait queue's lock behind wake_up()). A trylock adds no order (it cannot \
        wait); two locks of one class are not ordered against each other. The witness shows both \
        orders: where each outer lock was taken and the chain to the inner one.
        """
    public static let exampleContext = ExampleContext.lifetime
    public static let triggering = [
        """
        struct pair {
        	spinlock_t a;
        	spinlock_t b;
        };

        static void take_b(struct pair *p)
        {
        	spin_lock(&p->b);
        	spin_unlock(&p->b);
        }

        void one_way(struct pair *p)
        {
        	spin_lock(&p->a);
        	↓take_b(p);		/* a, then b inside the callee */
        	spin_unlock(&p->a);
        }

        void other_way(struct pair *p)
        {
        	spin_lock(&p->b);
        	spin_lock(&p->a);	/* b, then a */
        	spin_unlock(&p->a);
        	spin_unlock(&p->b);
        }
        """
    ]
    public static let nonTriggering = [
        """
        struct pair {
        	spinlock_t a;
        	spinlock_t b;
        };

        void one_way(struct pair *p)
        {
        	spin_lock(&p->a);
        	spin_lock(&p->b);
        	spin_unlock(&p->b);
        	spin_unlock(&p->a);
        }

        int other_way(struct pair *p)
        {
        	spin_lock(&p->b);
        	if (!spin_trylock(&p->a)) {	/* a trylock cannot wait */
        		spin_unlock(&p->b);
        		return -EAGAIN;
        	}
        	spin_unlock(&p->a);
        	spin_unlock(&p->b);
        	return 0;
        }
        """
    ]

    public init() {}

    public func finish(_ file: FileRun) -> [Finding] {
        file.lockOrder.cycles.map { cycle in
            let first = cycle[0]
            let witness = cycle.flatMap(LockWitness.steps)
            let message: String
            if cycle.count == 2 {
                let back = cycle[1]
                message =
                    "\(LockWitness.chain(first.acquisition)) takes \(first.to) while \(first.from) is held, but \(back.function)() takes \(first.from) while \(first.to) is held (line \(back.acquisition.line)): the two orders can deadlock"
            } else {
                let names = (cycle.map(\.from) + [first.from]).joined(separator: " -> ")
                message =
                    "\(LockWitness.chain(first.acquisition)) takes \(first.to) while \(first.from) is held, closing a cycle of \(cycle.count) lock classes (\(names)): the paths can deadlock"
            }
            return Finding(
                rule: Self.id, severity: .error, file: file.file, function: first.function,
                line: first.acquisition.line,
                column: first.acquisition.column, message: message,
                object: cycle.map(\.from).sorted().joined(separator: ","),
                statement: Normalise.statement(first.acquisition.text), witness: witness)
        }
    }
}
