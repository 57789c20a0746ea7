/// Every rule, in the order `explain` lists them: the one list that the engine's rules, `explain`,
/// the command line's help, SARIF's `rules` array and the tests are derived from. Adding a rule is
/// one file in Rules/ and one line here.
public enum Rules {
    public static let all: [any Rule.Type] = [
        PutOutsidePin.self,
        RCUUncoveredDeref.self,
        RCUNoGracePeriod.self,
        RCUGetNotTryGet.self,
        RCUAccessor.self,
        LockImbalance.self,
        RefLeak.self,
        SleepInAtomic.self,
        PinDropWithoutWakeup.self,
        LockOrderRule.self,
        LockIRQInversion.self,
        LockIRQUnsafeAcquire.self,
        UseAfterPublish.self,
        DrainRace.self,
        UseAfterHandback.self,
        CheckAfterAct.self,
        SuppressionWithoutReason.self,
    ]

    /// A fresh instance of every rule the engine runs (pseudo-rules are reported elsewhere).
    public static func instances() -> [any Rule] {
        all.filter { !$0.isPseudoRule }.map { $0.init() }
    }

    public static var identifiers: [String] { all.map { $0.id } }

    /// What `aio-audit explain RULE` prints: rationale, then examples.
    public static func explanation(of id: String) -> String? {
        guard let r = all.first(where: { $0.id == id }) else { return nil }
        var out = "\(r.id): \(r.summary)\n\n\(r.rationale)\n"
        for e in r.triggering { out += "\nTriggers (the arrow marks where):\n\(e)\n" }
        for e in r.nonTriggering { out += "\nDoes not trigger:\n\(e)\n" }
        if !r.exampleContext.isEmpty {
            out += "\nThe examples are complete C after these declarations (and the built-in kernel prelude):\n"
            out += r.exampleContext + "\n"
        }
        return out
    }
}
