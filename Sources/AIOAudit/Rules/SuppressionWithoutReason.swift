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
    public static let triggering = [
        """
        put_ioctx(ctx); ↓/* aio-audit: ignore put-outside-pin */
        """
    ]
    public static let nonTriggering = [
        """
        /* aio-audit: ignore put-outside-pin the request's reference outlives this put */
        put_ioctx(ctx);
        """
    ]
    public static let isPseudoRule = true

    public init() {}

    public func check(_ point: ProgramPoint) -> [Finding] { [] }
}
