/// ref-leak: a reference taken in the function still held on a failure return while other
/// returns drop it.
public struct RefLeak: FunctionRule {
    public static var isGeneric: Bool { true }
    public static let id = "ref-leak"
    public static let summary = "a reference taken in the function is still held on a failure return that others drop"
    public static let rationale = """
        Each reference the function takes (a get, a successful try-get, a lookup that returns a \
        reference) must be dropped or handed on before it returns, on every path. When some \
        returns drop it and a failure return does not, the object can never be freed: its \
        teardown waits forever, or its memory leaks. A reference handed on is not leaked: stored \
        in another object or a list, published with rcu_assign_pointer(), passed to a work item \
        or to a callee that keeps it (a file function whose summary says so), or returned.
        """
    public static let exampleContext = ExampleContext.lifetime
    public static let triggering = [
        """
        /* Returns a reference of the caller's own. */
        static struct ctx *ctx_of(struct req *req)
        {
        	struct ctx *ctx = req->ctx;

        	get_ctx(ctx);
        	return ctx;
        }

        long ctx_read(struct req *req, int nr)
        {
        	struct ctx *ctx = ctx_of(req);
        	long ret;

        	if (nr < 0)
        		↓return -EINVAL;		/* the reference is still held */
        	ret = ctx->reqs_active;
        	put_ctx(ctx);
        	return ret;
        }
        """
    ]
    public static let nonTriggering = [
        """
        int ctx_attach(struct ctx *ctx, struct req *req)
        {
        	get_ctx(ctx);
        	if (ctx->dead) {
        		put_ctx(ctx);
        		return -EAGAIN;
        	}
        	req->ctx = ctx;			/* handed to the request: transferred */
        	return 0;
        }
        """
    ]

    public init() {}

    public func finish(_ run: FunctionRun) -> [Finding] {
        let exact = run.returns.filter { !$0.approximate }
        var objects: Set<String> = []
        for r in exact { objects.formUnion(r.objects) }
        var findings: [Finding] = []
        var reported: Set<String> = []
        let fn = run.graph.function
        for o in objects.sorted() {
            func holds(_ r: ReturnRecord) -> Bool {
                guard let p = r.pins(of: o) else { return false }
                return p.taken && p.counted > 0 && !p.handedOff && r.returned != o
            }
            guard
                let dropped = exact.first(where: { r in
                    guard let p = r.pins(of: o), p.taken else { return false }
                    return p.counted == 0 || p.handedOff || r.returned == o
                })
            else { continue }
            for r in exact where r.outcome == .failure && holds(r) {
                guard reported.insert("\(o)|\(r.event.line)|\(r.event.column)").inserted else { continue }
                var witness = r.steps(of: o).filter { $0.kind == .referenceTaken || $0.kind == .foundUnderRCU }
                    .suffix(1).map { $0 }
                let taken = witness.first?.line
                witness.append(
                    WitnessStep(
                        line: dropped.event.line, column: dropped.event.column, function: fn,
                        message: "\(dropped.event.text) returns with the reference dropped or handed on"))
                witness.append(
                    WitnessStep(
                        line: r.event.line, column: r.event.column, function: fn,
                        message: "\(r.event.text) fails with the reference to \(o) still held"))
                let from = taken.map { " (taken at line \($0))" } ?? ""
                let how = dropped.pins(of: o)?.counted == 0 && dropped.returned != o ? "drops it" : "hands it on"
                findings.append(
                    Finding(
                        rule: Self.id, severity: .error, file: run.file, function: fn, line: r.event.line,
                        column: r.event.column,
                        message:
                            "\(r.event.text) leaks the reference to \(o)\(from): the return at line \(dropped.event.line) \(how)",
                        object: o, statement: Normalise.statement(r.event.text), witness: witness))
            }
        }
        return findings
    }
}
