/// put-outside-pin: a reference drop that can be the final one, in a context where the object's
/// release path must not run.
public struct PutOutsidePin: Rule {
    public static let id = "put-outside-pin"
    public static let summary = "a put that can be the last one runs the release path in a deferred or atomic context"
    public static let rationale = """
        A put is harmless while something else pins the object: another reference, the request \
        the teardown waits for, the object's own lock. Once the function has released those, its \
        put may be the final one, and the release path then runs where the put runs. In a work \
        item, an RCU callback, a timer or an interrupt, a release path that sleeps, or that unmaps \
        or uses a process's mm (do_munmap() of the context's ring), runs in the wrong context: the \
        mm may be in exit_mmap() or a core dump, and a kernel thread has no business with it. \
        (Linux commit c7b285550544, "aio: fix the 'too late munmap()' race".)
        """
    public static let exampleContext = ExampleContext.lifetime
    public static let triggering = [
        """
        /* A work item drops the request's pin, then what may be the last reference. */
        static void fput_work_fn(struct work_struct *w)
        {
        	struct req *req = take_request();
        	struct ctx *ctx = req->ctx;

        	spin_lock_irq(&ctx->lock);
        	drop_request(ctx, req);
        	spin_unlock_irq(&ctx->lock);
        	↓put_ctx(ctx);			/* the release path calls vm_munmap() */
        }
        static DECLARE_WORK(fput_work, fput_work_fn);
        """
    ]
    public static let nonTriggering = [
        """
        /* The fix: no reference of its own; RCU keeps ctx's memory valid for the unlock. */
        static void fput_work_fn(struct work_struct *w)
        {
        	struct req *req = take_request();
        	struct ctx *ctx = req->ctx;

        	rcu_read_lock();
        	spin_lock_irq(&ctx->lock);
        	drop_request(ctx, req);
        	spin_unlock_irq(&ctx->lock);
        	rcu_read_unlock();
        }
        static DECLARE_WORK(fput_work, fput_work_fn);
        """,
        """
        /* A system call may run any release path: its put may be the last one. */
        long sys_ctx_done(struct ctx *ctx)
        {
        	put_ctx(ctx);
        	return 0;
        }
        """,
    ]

    public init() {}

    public func check(_ p: ProgramPoint) -> [Finding] {
        guard case .put(let object, let role) = p.action, let role, let release = role.release,
            !p.contexts.isEmpty, !p.pinnedAfterPut(object)
        else { return [] }
        let effects = p.model.effects[release] ?? [:]
        for context in p.contexts.sorted(by: { $0.kind < $1.kind }) {
            guard let effect = context.kind.forbidden.filter({ effects[$0] != nil }).sorted().first,
                let chain = effects[effect]
            else { continue }
            var witness: [WitnessStep] = []
            witness.append(ContextWitness.step(for: context, function: p.graph.function, line: p.graph.line))
            let lastRelease = p.releases(of: object).last
            witness += p.releases(of: object)
            witness.append(
                WitnessStep(
                    line: p.event.line, column: p.event.column, function: p.graph.function,
                    message: "\(p.event.text) may drop the last reference: nothing else pins \(object) here"))
            let releaseLine = p.model.graphs[release]?.line ?? 0
            witness.append(
                WitnessStep(
                    line: releaseLine, column: 1, function: release,
                    message:
                        "the last put runs \(release)() (\(role.evidence.source == .profile ? "named by the profile" : "found at line \(role.evidence.line ?? 0)"))"
                ))
            for s in chain {
                witness.append(
                    WitnessStep(
                        line: s.line, column: 1, function: s.function, message: "\(s.function)() calls \(s.callee)()"))
            }
            let last = chain.last?.callee ?? release
            // Name the pin that mattered: the request or reference, rather than the lock dropped
            // on the way out.
            let key = p.releases(of: object).last { $0.kind != .ownLockReleased } ?? lastRelease
            let pinNote = key.map { " once \($0.message) (line \($0.line))" } ?? ""
            let message =
                "\(p.event.text) may drop the last reference to \(object) in \(context.kind.phrase)\(pinNote); "
                + "the release path \(release)() \(ContextWitness.describe(effect)) (\(last))"
            let inferred = role.evidence.source == .inferred && context.evidence.source == .inferred
            return [
                Finding(
                    rule: Self.id, severity: inferred ? .error : .warning, file: p.file, function: p.graph.function,
                    line: p.event.line, column: p.event.column, message: message, object: object,
                    statement: Normalise.statement(p.event.text), witness: witness)
            ]
        }
        return []
    }
}

/// Witness wording shared by the rules.
enum ContextWitness {
    static func step(for context: EntryContext, function: String, line: Int) -> WitnessStep {
        var message = "\(function)() runs in \(context.kind.phrase)"
        if let via = context.via { message += " (reached only from \(via)())" }
        if let l = context.evidence.line {
            message += ": \(context.evidence.detail) at line \(l)"
        } else {
            message += ": \(context.evidence.detail)"
        }
        return WitnessStep(line: context.evidence.line ?? line, column: 1, function: function, message: message)
    }

    static func describe(_ effect: Effect) -> String {
        switch effect {
        case .sleeps: return "may sleep"
        case .usesMM: return "unmaps or uses a process's mm"
        case .frees: return "frees the object at once"
        case .freesAfterGracePeriod: return "frees the object after a grace period"
        }
    }
}

enum Normalise {
    /// Source text without whitespace: survives reformatting.
    static func statement(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace })
    }
}
