/// use-after-publish: touching an object after publishing it with no reference of one's own left.
public struct UseAfterPublish: FunctionRule {
    public static let id = "use-after-publish"
    public static let summary = "an object touched after it was published with no reference of one's own left"
    public static let rationale = """
        An object starts with the references its initialisation gives it (atomic_set(), \
        refcount_set(): N; kref_init(), percpu_ref_init(): 1). Publishing it — inserting it in a \
        list or hlist (the _rcu variants included), rcu_assign_pointer(), storing it in a table \
        slot or a longer-lived object, or passing it to a function of the file that does — hands \
        one of them to the container: from then on another thread can find it there and drop \
        that reference (Documentation/RCU/rculist_nulls.rst, include/linux/kref.h: "take a \
        reference before publishing"). A function that publishes an object and then dereferences \
        it, or takes a plain get on it, with no reference of its own left, races with that \
        thread; so does its caller when it returns the object (the summary says so).
        """
    public static let exampleContext = ExampleContext.lifetime + ExampleContext.registry
    public static let triggering = [
        """
        struct ctx *ctx_create(struct registry *r)
        {
        	struct ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

        	if (!ctx)
        		return NULL;
        	atomic_set(&ctx->users, 1);		/* the registry's reference */
        	spin_lock(&r->lock);
        	hlist_add_head(&ctx->list, &r->ctxs);	/* published: a lookup can put it now */
        	spin_unlock(&r->lock);
        	↓ctx->dead = 0;
        	return NULL;
        }
        """
    ]
    public static let nonTriggering = [
        """
        struct ctx *ctx_create(struct registry *r)
        {
        	struct ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

        	if (!ctx)
        		return NULL;
        	atomic_set(&ctx->users, 2);		/* the registry's, and ours */
        	spin_lock(&r->lock);
        	hlist_add_head(&ctx->list, &r->ctxs);
        	spin_unlock(&r->lock);
        	ctx->dead = 0;
        	return ctx;
        }
        """
    ]

    public init() {}

    public func finish(_ run: FunctionRun) -> [Finding] {
        let g = run.graph
        let m = run.model
        var findings: [Finding] = []
        var sources: [(object: String, at: Event, why: [WitnessStep])] = []
        for p in run.publications where p.ownLeft <= 0 {
            sources.append(
                (
                    p.object, p.event,
                    [
                        WitnessStep(
                            line: p.initLine, column: 1, function: g.function,
                            message: "\(p.initText) gives \(p.object) its references"),
                        WitnessStep(
                            line: p.event.line, column: p.event.column, function: g.function,
                            message: "\(p.event.text) publishes \(p.object), handing the last of them to the container"),
                    ]
                ))
        }
        // A callee that returns a published object it holds no reference to.
        for e in g.allEvents where e.kind == .assignment {
            guard let c = e.callee, let p = run.summaries[c]?.returnsUnreferenced, let v = e.path, v.isVariable,
                m.isTracked(v, in: g)
            else { continue }
            sources.append(
                (
                    v.root, e,
                    [
                        WitnessStep(
                            line: p.initLine, column: 1, function: c,
                            message: "\(p.initText) gives \(p.object) its references"),
                        WitnessStep(
                            line: p.event.line, column: p.event.column, function: c,
                            message: "\(p.event.text) publishes \(p.object) and \(c)() returns it without a reference"),
                    ]
                ))
        }
        for (object, at, why) in sources {
            // The counter's own access is the get (or put) that follows it, judged as such.
            let counters = m.type(of: AccessPath(root: object), in: g).flatMap { m.refcountFields[$0] } ?? []
            guard
                let touch = g.firstEvent(
                    after: at, stopAt: object,
                    where: { e in
                        (e.kind == .dereference && e.path == AccessPath(root: object)
                            && !counters.contains(e.field ?? ""))
                            || (e.kind == .call && isGet(e, of: object, m))
                    })
            else { continue }
            let what = touch.kind == .call ? "takes a plain get on" : "touches"
            findings.append(
                Finding(
                    rule: Self.id, severity: .error, file: run.file, function: g.function, line: touch.line,
                    column: touch.column,
                    message:
                        "\(touch.text) \(what) \(object) after \(at.text) at line \(at.line) left it published with no reference of this function's: another thread can find it and drop the last one",
                    object: object, statement: Normalise.statement(touch.text),
                    witness: why + [
                        WitnessStep(
                            line: touch.line, column: touch.column, function: g.function,
                            message: "\(touch.text) \(what) \(object)")
                    ]))
        }
        return findings
    }

    func isGet(_ e: Event, of object: String, _ m: FileModel) -> Bool {
        guard let c = e.callee, let args = e.arguments else { return false }
        if let role = m.roles[c], role.kind == .get {
            return args[safe: role.parameter]?.path == AccessPath(root: object)
        }
        if KernelFunctions.getPrimitives.contains(c), let (o, _) = FileModel.fieldOf(args.first) {
            return o.root == object
        }
        return false
    }
}
