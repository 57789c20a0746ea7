/// lock-irq-unsafe-acquire: a lock taken in interrupt context and, elsewhere, with interrupts on.
public struct LockIRQUnsafeAcquire: FileRule {
    public static var isGeneric: Bool { true }
    public static let id = "lock-irq-unsafe-acquire"
    public static let summary = "a lock taken in interrupt context is taken elsewhere with interrupts enabled"
    public static let rationale = """
        lockdep's "inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage": a lock that an interrupt \
        handler (or a wake-up callback, or what they call) takes must be taken everywhere else \
        with interrupts disabled (spin_lock_irq(), spin_lock_irqsave()); otherwise the interrupt \
        can arrive on the CPU that holds it and spin on it forever. The same for a lock taken in \
        a timer or RCU callback (softirq) and taken elsewhere with softirqs enabled \
        (spin_lock_bh()). A function of the file called only with interrupts off (by every \
        caller, and not visible outside the file) takes its locks with interrupts off.
        """
    public static let exampleContext = ExampleContext.lifetime
    public static let triggering = [
        """
        struct dev {
        	spinlock_t lock;
        	int pending;
        };

        irqreturn_t dev_interrupt(int irq, void *data)
        {
        	struct dev *d = data;

        	spin_lock(&d->lock);
        	d->pending++;
        	spin_unlock(&d->lock);
        	return IRQ_HANDLED;
        }

        void dev_setup(struct dev *d)
        {
        	request_irq(0, dev_interrupt, 0, "dev", d);
        }

        void dev_drain(struct dev *d)
        {
        	↓spin_lock(&d->lock);	/* interrupts on: the handler can spin on it here */
        	d->pending = 0;
        	spin_unlock(&d->lock);
        }
        """
    ]
    public static let nonTriggering = [
        """
        struct dev {
        	spinlock_t lock;
        	int pending;
        };

        irqreturn_t dev_interrupt(int irq, void *data)
        {
        	struct dev *d = data;

        	spin_lock(&d->lock);
        	d->pending++;
        	spin_unlock(&d->lock);
        	return IRQ_HANDLED;
        }

        void dev_setup(struct dev *d)
        {
        	request_irq(0, dev_interrupt, 0, "dev", d);
        }

        void dev_drain(struct dev *d)
        {
        	spin_lock_irq(&d->lock);
        	d->pending = 0;
        	spin_unlock_irq(&d->lock);
        }
        """
    ]

    public init() {}

    public func finish(_ file: FileRun) -> [Finding] {
        var findings: [Finding] = []
        for (name, info) in file.lockOrder.classes.sorted(by: { $0.key < $1.key }) where !info.kernel {
            let pair: (LockOrder.Witness, LockOrder.Witness, String, String)
            if let s = info.inHardirq, let u = info.hardirqOn, u.function != nil {
                pair = (s, u, "interrupts", "spin_lock_irq() or spin_lock_irqsave()")
            } else if let s = info.inSoftirq, let u = info.softirqOn, u.function != nil {
                pair = (s, u, "softirqs", "spin_lock_bh()")
            } else {
                continue
            }
            let (s, u, enabled, fix) = pair
            guard let function = u.function else { continue }
            var witness = LockWitness.step(s, name)
            witness.append(
                WitnessStep(
                    line: u.line, column: u.column, function: function,
                    message: "\(LockWitness.chain(u)) takes \(name) with \(enabled) enabled"))
            findings.append(
                Finding(
                    rule: Self.id, severity: LockWitness.severity([s]), file: file.file, function: function,
                    line: u.line, column: u.column,
                    message:
                        "\(LockWitness.chain(u)) takes \(name) with \(enabled) enabled, but it is also taken \(s.why): if that runs on this CPU while the lock is held here, it spins forever (take it with \(fix))",
                    object: name, statement: Normalise.statement(u.text), witness: witness))
        }
        return findings
    }
}
