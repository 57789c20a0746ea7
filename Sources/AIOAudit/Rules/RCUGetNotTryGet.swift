/// rcu-get-not-tryget: an unconditional get on an object found under RCU, whose count may
/// already have reached zero.
public struct RCUGetNotTryGet: Rule {
    public static let id = "rcu-get-not-tryget"
    public static let summary = "an unconditional get on an object found through an RCU-protected lookup"
    public static let rationale = """
        An RCU reader that finds an object in an RCU-protected list or table holds no reference \
        to it: the object may already be unlinked, its count at zero and its release running, \
        its memory kept only until the grace period ends. An unconditional get (atomic_inc, \
        kref_get, percpu_ref_get, or a get_*() of the file) then resurrects a dying object and \
        hands out a pointer that outlives the free. Only a try-get (atomic_inc_not_zero, \
        kref_get_unless_zero, percpu_ref_tryget_live) can fail safely. A plain get is safe only \
        when the list's own reference is dropped after a grace period (synchronize_rcu() between \
        the unlink and the put, as kill_ioctx() does since 3.10); the tool reads each unlink of \
        the object's type in the file and stays quiet unless one of them puts the object before \
        any grace period.
        """
    public static let exampleContext = ExampleContext.lifetime + ExampleContext.lookup
    public static let triggering = [
        """
        struct ctx *lookup_ctx(struct table *t, int id)
        {
        	struct ctx *ctx, *ret = NULL;

        	rcu_read_lock();
        	hlist_for_each_entry_rcu(ctx, &t->ctxs, list) {
        		if (ctx->id == id) {
        			↓get_ctx(ctx);	/* its count may already be zero */
        			ret = ctx;
        			break;
        		}
        	}
        	rcu_read_unlock();
        	return ret;
        }
        """
    ]
    public static let nonTriggering = [
        """
        struct ctx *lookup_ctx(struct table *t, int id)
        {
        	struct ctx *ctx, *ret = NULL;

        	rcu_read_lock();
        	hlist_for_each_entry_rcu(ctx, &t->ctxs, list) {
        		if (ctx->id == id && atomic_inc_not_zero(&ctx->users)) {
        			ret = ctx;
        			break;
        		}
        	}
        	rcu_read_unlock();
        	return ret;
        }
        """
    ]

    public init() {}

    public func check(_ p: ProgramPoint) -> [Finding] {
        guard case .get(let o) = p.action, let pins = p.pins(of: o), pins.rcuFound || pins.rcuLoaded,
            p.rcuCoverage == .readSide,
            let type = p.model.type(of: AccessPath(root: o), in: p.graph),
            let unlink = p.model.rcuUnlinks[type], !unlink.graceful
        else { return [] }
        var witness = p.releases(of: o).filter { $0.kind == .foundUnderRCU }
        witness.append(
            WitnessStep(
                line: unlink.evidence.line ?? 0, column: 1, function: unlink.evidence.function ?? "",
                message: "\(unlink.evidence.detail): the count may reach zero while readers can still find \(o)"))
        witness.append(
            WitnessStep(
                line: p.event.line, column: p.event.column, function: p.graph.function,
                message: "\(p.event.text) increments the count unconditionally"))
        return [
            Finding(
                rule: Self.id, severity: .error, file: p.file, function: p.graph.function, line: p.event.line,
                column: p.event.column,
                message:
                    "\(p.event.text) takes a reference to \(o), found under RCU without one, unconditionally: its count may already be zero (\(unlink.evidence.function ?? "")() drops the reference its list or table held without a grace period this reader waits for); use a try-get",
                object: o, statement: Normalise.statement(p.event.text), witness: witness)
        ]
    }
}
