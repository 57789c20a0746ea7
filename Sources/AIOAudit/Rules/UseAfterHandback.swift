/// use-after-handback: an access to an object after the operation that hands it back to the thread
/// that owns it.
public struct UseAfterHandback: Rule {
    public static let id = "use-after-handback"
    public static let summary = "an access to an object after handing it back to the thread that owns it"
    public static let rationale = """
        Some operations are the last touch of an object another thread owns, because that thread \
        frees or reuses it as soon as it sees them: a release store (smp_store_release(), or \
        WRITE_ONCE() of NULL) into a pointer the owner polls with an acquire load \
        (Documentation/memory-barriers.txt: the acquire load sees every access before the \
        release, and nothing orders what comes after); list_del_init_careful() of an entry whose \
        owner polls list_empty_careful() (include/linux/list.h); complete() of a completion in an \
        object on the waiter's stack (include/linux/completion.h: the waiter returns, and its \
        frame is gone). Any access after it, on the same path, to the object that embeds the \
        member is a use-after-free in waiting: fs/aio.c's POLLFREE handling says so in a comment \
        ("this *must* be the last step"). The owner's side must be in the file: the acquire load \
        of the same field, list_empty_careful() of the same member, a waiter with the object on \
        its stack.
        """
    public static let exampleContext = ExampleContext.lifetime + ExampleContext.poller
    public static let triggering = [
        """
        void poller_detach(struct poller *p)
        {
        	smp_store_release(&p->head, NULL);	/* the owner may free p from here */
        	↓p->detached = 1;
        }
        """
    ]
    public static let nonTriggering = [
        """
        void poller_detach(struct poller *p)
        {
        	p->detached = 1;
        	smp_store_release(&p->head, NULL);	/* the last step */
        }
        """
    ]

    public init() {}

    public func check(_ p: ProgramPoint) -> [Finding] {
        let e = p.event
        // The first access to the object after the hand-back (its variable reassigned ends a path).
        guard e.kind == .call, let (container, why) = handback(e, p),
            let access = p.graph.firstEvent(
                after: e, stopAt: container.root,
                where: {
                    ($0.kind == .dereference && $0.path == container)
                        || (($0.kind == .lock || $0.kind == .unlock) && $0.path?.owner == container)
                })
        else { return [] }
        let fn = p.graph.function
        let witness = [
            WitnessStep(
                line: e.line, column: e.column, function: fn, message: "\(e.text) hands \(container) back: \(why)"),
            WitnessStep(
                line: access.line, column: access.column, function: fn,
                message: "\(access.text) touches \(container) after it"),
        ]
        return [
            Finding(
                rule: Self.id, severity: .error, file: p.file, function: fn, line: access.line, column: access.column,
                message:
                    "\(access.text) touches \(container) after \(e.text) at line \(e.line) handed it back to its owner, which may free it at once (\(why))",
                object: container.description, statement: Normalise.statement(access.text), witness: witness)
        ]
    }

    /// The object the call hands back, and the owner's side in the file that makes it so.
    func handback(_ e: Event, _ p: ProgramPoint) -> (AccessPath, String)? {
        guard let callee = e.callee, let member = e.arguments?.first?.path, let container = member.owner else {
            return nil
        }
        let m = p.model
        let g = p.graph
        let field = member.components.last?.name ?? ""
        switch callee {
        case "smp_store_release", "WRITE_ONCE":
            if callee == "WRITE_ONCE" && e.arguments?[safe: 1]?.text != "NULL" { return nil }
            guard let t = m.objectType(of: container, in: g),
                let reader = m.acquireLoads.first(where: { $0.type == t && $0.member == field })
            else { return nil }
            return (container, "\(reader.function)() polls ->\(field) with an acquire load at line \(reader.line)")
        case "list_del_init_careful":
            guard let t = m.objectType(of: container, in: g),
                let poller = m.carefulPolls.first(where: {
                    $0.type == t && $0.member == FileModel.memberWithinObject(member)
                })
            else { return nil }
            return (container, "\(poller.function)() polls it with list_empty_careful() at line \(poller.line)")
        case "complete", "complete_all":
            guard let t = m.objectType(of: container, in: g), let waiter = m.stackWaiters[t] else { return nil }
            return (container, "\(waiter.function)() waits for it with the object on its stack (line \(waiter.line))")
        default:
            return nil
        }
    }
}
