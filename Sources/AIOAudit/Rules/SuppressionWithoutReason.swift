/// suppression-without-reason: an `aio-audit: ignore RULE` comment that gives no reason. Reported
/// when suppressions are applied (Accepted/Suppression.swift), not by the engine.
public struct SuppressionWithoutReason: Rule {
    public static let id = "suppression-without-reason"
    public static let summary = "an `aio-audit: ignore RULE` comment that gives no reason"
    public static let rationale = """
        A suppression is a reviewed decision that a finding is not a bug here; the reason is what \
        the next reader needs to trust it. A suppression without one is not honoured: the finding \
        it would hide is still reported, and so is the suppression, once, as a warning.
        """
    public static let exampleContext = ExampleContext.lifetime
    public static let triggering = [
        """
        static void fput_work_fn(struct work_struct *w)
        {
        	struct req *req = take_request();
        	struct ctx *ctx = req->ctx;

        	spin_lock_irq(&ctx->lock);
        	drop_request(ctx, req);
        	spin_unlock_irq(&ctx->lock);
        	put_ctx(ctx);	↓/* aio-audit: ignore put-outside-pin */
        }
        static DECLARE_WORK(fput_work, fput_work_fn);
        """
    ]
    public static let nonTriggering = [
        """
        static void fput_work_fn(struct work_struct *w)
        {
        	struct req *req = take_request();
        	struct ctx *ctx = req->ctx;

        	spin_lock_irq(&ctx->lock);
        	drop_request(ctx, req);
        	spin_unlock_irq(&ctx->lock);
        	/* aio-audit: ignore put-outside-pin ctx outlives the work: its owner waits for the work to finish */
        	put_ctx(ctx);
        }
        static DECLARE_WORK(fput_work, fput_work_fn);
        """
    ]
    public static let isPseudoRule = true

    public init() {}

    public func check(_ point: ProgramPoint) -> [Finding] { [] }
}
