/// lock-irq-inversion: an IRQ-safe lock class held while an IRQ-unsafe one is taken.
public struct LockIRQInversion: FileRule {
    public static var isGeneric: Bool { true }
    public static let id = "lock-irq-inversion"
    public static let summary = "an IRQ-safe lock held while taking a lock that is taken with interrupts enabled"
    public static let rationale = """
        lockdep's "possible irq lock inversion dependency": a class taken in interrupt context \
        (an interrupt handler, a wake-up callback, or what they call) is IRQ-safe; a class taken \
        somewhere with interrupts enabled is IRQ-unsafe. Taking the unsafe class while holding \
        the safe one orders safe -> unsafe; then CPU 1 holds the unsafe lock with interrupts on, \
        CPU 2 holds the safe lock and waits for the unsafe one, and the interrupt on CPU 1 waits \
        for the safe lock: a deadlock. The same for softirq contexts (timers, RCU callbacks) and \
        softirqs enabled. Kernel locks count with what the kernel does with them: task_lock() \
        takes the task's alloc_lock with interrupts on.
        """
    public static let exampleContext = ExampleContext.lifetime
    public static let triggering = [
        """
        struct dev {
        	spinlock_t irq_lock;	/* taken in the interrupt handler */
        	struct task_struct *owner;
        };

        irqreturn_t dev_interrupt(int irq, void *data)
        {
        	struct dev *d = data;

        	spin_lock(&d->irq_lock);
        	spin_unlock(&d->irq_lock);
        	return IRQ_HANDLED;
        }

        void dev_setup(struct dev *d)
        {
        	request_irq(0, dev_interrupt, 0, "dev", d);
        }

        void dev_rename(struct dev *d)
        {
        	spin_lock_irq(&d->irq_lock);
        	↓task_lock(d->owner);	/* taken with interrupts on everywhere else */
        	task_unlock(d->owner);
        	spin_unlock_irq(&d->irq_lock);
        }
        """
    ]
    public static let nonTriggering = [
        """
        struct dev {
        	spinlock_t irq_lock;
        	struct task_struct *owner;
        };

        irqreturn_t dev_interrupt(int irq, void *data)
        {
        	struct dev *d = data;

        	spin_lock(&d->irq_lock);
        	spin_unlock(&d->irq_lock);
        	return IRQ_HANDLED;
        }

        void dev_setup(struct dev *d)
        {
        	request_irq(0, dev_interrupt, 0, "dev", d);
        }

        void dev_rename(struct dev *d)
        {
        	task_lock(d->owner);	/* outside the IRQ-safe lock */
        	task_unlock(d->owner);
        	spin_lock_irq(&d->irq_lock);
        	spin_unlock_irq(&d->irq_lock);
        }
        """
    ]

    public init() {}

    public func finish(_ file: FileRun) -> [Finding] {
        let order = file.lockOrder
        var findings: [Finding] = []
        for e in order.edges {
            guard let safe = order.classes[e.from], let unsafe = order.classes[e.to] else { continue }
            let pair: (LockOrder.Witness, LockOrder.Witness, String, String)
            if let s = safe.inHardirq, let u = unsafe.hardirqOn {
                pair = (s, u, "an interrupt", "interrupts")
            } else if let s = safe.inSoftirq, let u = unsafe.softirqOn {
                pair = (s, u, "a softirq", "softirqs")
            } else {
                continue
            }
            let (s, u, context, enabled) = pair
            let witness = LockWitness.step(s, e.from) + LockWitness.steps(e) + LockWitness.step(u, e.to)
            findings.append(
                Finding(
                    rule: Self.id, severity: LockWitness.severity([s]), file: file.file, function: e.function,
                    line: e.acquisition.line, column: e.acquisition.column,
                    message:
                        "\(LockWitness.chain(e.acquisition)) takes \(e.to) while holding \(e.from), which is taken \(s.why); \(e.to) is taken \(u.why): \(context) that arrives where \(e.to) is held with \(enabled) on can deadlock against this path",
                    object: "\(e.from)->\(e.to)", statement: Normalise.statement(e.acquisition.text), witness: witness))
        }
        return findings
    }
}
