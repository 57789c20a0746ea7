/// rcu-uncovered-deref: a dereference of an object that may already be torn down, with no RCU
/// read-side section keeping its memory valid.
public struct RCUUncoveredDeref: Rule {
    public static let id = "rcu-uncovered-deref"
    public static let summary = "a dereference of a possibly-dead object that no RCU read-side section covers"
    public static let rationale = """
        After a function releases its last pin on an object (its reference, the request the \
        teardown waits for, the object's own lock), another CPU may tear the object down at any \
        moment. Touching it afterwards, even to unlock its own lock, is safe only inside an RCU \
        read-side section and only if the release path frees it after a grace period. A region \
        with interrupts disabled is an implicit RCU-sched section: since Linux 4.20 it holds off \
        every grace period; before, only synchronize_sched()/call_rcu_sched(), so a warning says so.
        """
    public static let exampleContext = ExampleContext.lifetime
    public static let triggering = [
        """
        static void complete_work_fn(struct work_struct *w)
        {
        	struct req *req = take_request();
        	struct ctx *ctx = req->ctx;

        	spin_lock(&ctx->lock);
        	drop_request(ctx, req);		/* the request's pin on ctx is gone */
        	↓spin_unlock(&ctx->lock);	/* touches ctx, which may be freed now */
        }
        static DECLARE_WORK(complete_work, complete_work_fn);
        """
    ]
    public static let nonTriggering = [
        """
        static void complete_work_fn(struct work_struct *w)
        {
        	struct req *req = take_request();
        	struct ctx *ctx = req->ctx;

        	rcu_read_lock();
        	spin_lock(&ctx->lock);
        	drop_request(ctx, req);
        	spin_unlock(&ctx->lock);	/* ctx is freed by call_rcu(): valid until rcu_read_unlock() */
        	rcu_read_unlock();
        }
        static DECLARE_WORK(complete_work, complete_work_fn);
        """
    ]

    public init() {}

    public func check(_ p: ProgramPoint) -> [Finding] {
        guard let (object, lock) = UnpinnedAccess.target(p), p.isUnpinned(object, ignoringLock: lock),
            p.rcuCoverage != .readSide
        else { return [] }
        var witness = UnpinnedAccess.witness(p, object: object)
        if p.rcuCoverage == .schedOnly {
            witness.append(
                WitnessStep(
                    line: p.event.line, column: p.event.column, function: p.graph.function,
                    message: "\(p.event.text) runs with interrupts disabled: an implicit RCU-sched section only"))
            return [
                UnpinnedAccess.finding(
                    p, rule: Self.id, severity: .warning, object: object,
                    message:
                        "\(p.event.text) touches \(object) after its last pin was released; it is covered only by disabled interrupts, and before Linux 4.20 that does not hold off call_rcu() (profile \(p.model.profile.profile.name))",
                    witness: witness)
            ]
        }
        // Found by an RCU lookup outside any section, but under the lock that removals from its
        // list or table take: nothing can remove it, let alone free it. What is wrong is the
        // accessor (lockdep-RCU's complaint), not the lifetime: a warning.
        if p.pins(of: object)?.rcuFound == true, p.pins(of: object)?.released != true,
            let type = p.model.type(of: AccessPath(root: object), in: p.graph),
            let removal = p.model.removalLocks[type],
            let held = p.heldLocks.first(where: { AccessPath.parse($0.lock).components.last?.name == removal })
        {
            witness.insert(
                WitnessStep(
                    line: held.line, column: 1, function: p.graph.function, message: "\(held.lock) is taken here"),
                at: max(0, witness.count - 1))
            return [
                UnpinnedAccess.finding(
                    p, rule: Self.id, severity: .warning, object: object,
                    message:
                        "\(p.event.text) touches \(object), found by an RCU lookup outside any RCU read-side section; \(held.lock), which removals take, is held, so \(object) cannot be freed here: load it with rcu_dereference_protected()",
                    witness: witness)
            ]
        }
        let how =
            p.pins(of: object)?.released == true
            ? "after its last pin was released" : "found under RCU and never pinned by a reference"
        return [
            UnpinnedAccess.finding(
                p, rule: Self.id, severity: .error, object: object,
                message:
                    "\(p.event.text) touches \(object) \(how), outside any RCU read-side section: \(object) may already be freed",
                witness: witness)
        ]
    }
}

/// Shared by the RCU rules: what an event touches, and the witness of how it became unpinned.
enum UnpinnedAccess {
    static func target(_ p: ProgramPoint) -> (String, String?)? {
        switch p.action {
        case .dereference(let o): return (o, nil)
        case .ownLockRelease(let o, let lock): return (o, lock)
        default: return nil
        }
    }

    static func witness(_ p: ProgramPoint, object: String) -> [WitnessStep] {
        var steps: [WitnessStep] = []
        if let c = p.contexts.first {
            steps.append(ContextWitness.step(for: c, function: p.graph.function, line: p.graph.line))
        }
        steps += p.releases(of: object)
        steps.append(
            WitnessStep(
                line: p.event.line, column: p.event.column, function: p.graph.function,
                message: "\(p.event.text) touches \(object), which nothing pins any more"))
        return steps
    }

    static func finding(
        _ p: ProgramPoint, rule: String, severity: Severity, object: String, message: String, witness: [WitnessStep]
    ) -> Finding {
        Finding(
            rule: rule, severity: severity, file: p.file, function: p.graph.function, line: p.event.line,
            column: p.event.column, message: message, object: object, statement: Normalise.statement(p.event.text),
            witness: witness)
    }
}
