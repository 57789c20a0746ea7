/// rcu-no-grace-period: an RCU read-side section cannot keep alive an object that its release
/// path frees at once.
public struct RCUNoGracePeriod: Rule {
    public static let id = "rcu-no-grace-period"
    public static let summary = "an RCU-covered dereference of an object whose release frees it without a grace period"
    public static let rationale = """
        rcu_read_lock() keeps memory valid only against frees that wait for a grace period \
        (call_rcu(), kfree_rcu(), queue_rcu_work(), synchronize_rcu() before the free). If the \
        object's release path calls kfree() or kmem_cache_free() directly, a dereference after the \
        last pin is released is a use-after-free whether or not an RCU section surrounds it.
        """
    public static let exampleContext = ExampleContext.lifetime + ExampleContext.buffer
    public static let triggering = [
        """
        static void buf_work_fn(struct work_struct *w)
        {
        	struct buf_req *req = take_buf_request();
        	struct buf *b = req->buf;

        	rcu_read_lock();
        	spin_lock(&b->lock);
        	drop_buf_request(b, req);	/* the last pin: a put_buf() may free b now */
        	↓spin_unlock(&b->lock);		/* RCU does not keep b: its release frees it at once */
        	rcu_read_unlock();
        }
        static DECLARE_WORK(buf_work, buf_work_fn);
        """
    ]
    public static let nonTriggering = [
        """
        static void ctx_work_fn(struct work_struct *w)
        {
        	struct req *req = take_request();
        	struct ctx *ctx = req->ctx;

        	rcu_read_lock();
        	spin_lock(&ctx->lock);
        	drop_request(ctx, req);
        	spin_unlock(&ctx->lock);	/* ctx is freed by call_rcu(): RCU keeps it */
        	rcu_read_unlock();
        }
        static DECLARE_WORK(ctx_work, ctx_work_fn);
        """
    ]

    public static let firstPerObject = true

    public init() {}

    public func check(_ p: ProgramPoint) -> [Finding] {
        guard let (object, lock) = UnpinnedAccess.target(p) else { return [] }
        // Loaded with a plain load from a container found under RCU (`table->table[id]` through an
        // rcu_dereference()d table), with no reference of its own yet: only a grace period keeps it.
        let loadedUnderRCU = p.pins(of: object).map { $0.rcuLoaded && $0.counted == 0 && !$0.taken } ?? false
        guard loadedUnderRCU || p.isUnpinned(object, ignoringLock: lock) else { return [] }
        // Quiet while the lock that serialises removals from the container is held: what the
        // container holds then cannot be removed, let alone freed.
        if loadedUnderRCU, let type = p.model.type(of: AccessPath(root: object), in: p.graph),
            let removal = p.model.removalLocks[type],
            p.heldLocks.contains(where: { AccessPath.parse($0.lock).components.last?.name == removal })
        {
            return []
        }
        guard p.rcuCoverage == .readSide, let type = p.model.type(of: AccessPath(root: object), in: p.graph) else {
            return []
        }
        guard let release = p.model.releases(of: type).first(where: { p.model.releaseFrees[$0] == .frees }) else {
            return []
        }
        var witness = UnpinnedAccess.witness(p, object: object)
        witness.insert(contentsOf: p.rcuSteps.suffix(1), at: witness.count - 1)
        witness.append(
            WitnessStep(
                line: p.model.graphs[release]?.line ?? 0, column: 1, function: release,
                message: "\(release)() frees \(object) without waiting for a grace period"))
        return [
            UnpinnedAccess.finding(
                p, rule: Self.id, severity: .error, object: object,
                message:
                    "\(p.event.text) touches \(object) inside an RCU read-side section, but its release \(release)() frees it without a grace period: RCU protects nothing here",
                witness: witness)
        ]
    }
}
