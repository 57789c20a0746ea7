/// The rule API: what a rule sees (a program point, a function's run) and what it must say of
/// itself. The engine (Analysis/) drives rules through this and knows none of them by name.

/// What an event means for lifetimes.
public enum Action: Sendable {
    case dereference(object: String)
    /// The unlock of the object's own lock: it releases that pin and touches the object at once.
    case ownLockRelease(object: String, lock: String)
    case get(object: String)
    case put(object: String, role: RefcountRole?)
    case requestPinRelease(object: String)
    case other
}

/// What a rule sees at a program point: the event, its meaning, the state before it.
public struct ProgramPoint {
    public let event: Event
    public let action: Action
    let state: AbstractState
    public let graph: FlowGraph
    public let model: FileModel
    public let file: String
    /// Summaries of the file's functions analysed before this one (its callees).
    public let summaries: [String: FunctionSummary]
    /// Locks held on entry (released without being taken, or asserted).
    public let heldOnEntry: Set<String>
    /// Locks whose state the paths cannot show (see FunctionRun).
    public let unreliableLocks: Set<String>
    /// Why the event may sleep (the chain to the sleeping primitive), whatever the path.
    public let sleepChain: [ChainStep]?

    public var rcuDepth: Int { state.rcuDepth }
    /// The state joins several paths: facts that need one path are not reported from it.
    public var isApproximate: Bool { state.approximate }
    /// The locks held here, with the line each was taken at.
    public var heldLocks: [(lock: String, kind: LockKind, line: Int)] {
        state.locks.map { ($0.key, $0.value.kind, $0.value.line) }.sorted { $0.lock < $1.lock }
    }
    public var interruptsDisabled: Bool { state.irqDepth > 0 }

    /// What holds off the grace period that would free an object touched here.
    public enum RCUCoverage: Sendable {
        /// An RCU read-side section, or disabled interrupts once RCU flavours are consolidated.
        case readSide
        /// Disabled interrupts only, before consolidation: an implicit RCU-sched section, which
        /// does not hold off call_rcu().
        case schedOnly
        case none
    }

    /// The one answer the RCU rules share to "is this point inside an RCU read-side section?".
    public var rcuCoverage: RCUCoverage {
        if rcuDepth > 0 { return .readSide }
        guard interruptsDisabled else { return .none }
        return model.disabledInterruptsHoldOffGracePeriods ? .readSide : .schedOnly
    }
    public var contexts: [EntryContext] { model.contexts[graph.function] ?? [] }

    public func pins(of object: String) -> Pins? { state.objects[object]?.pins }
    /// The line where this path last released `lock`.
    public func lastUnlock(of lock: String) -> Int? { state.unlockedAt[lock] }
    public func lockHeld(_ lock: String) -> (kind: LockKind, line: Int)? {
        state.locks[lock].map { ($0.kind, $0.line) }
    }
    /// Why the code here must not sleep (a witness step, and how a message says it); nil when it may.
    public var atomicReason: (step: WitnessStep, phrase: String)? {
        let fn = graph.function
        let spinning = state.locks.filter { $0.value.atomic }
        if let (lock, held) = spinning.min(by: { ($0.value.line, $0.key) < ($1.value.line, $1.key) }) {
            return (
                WitnessStep(
                    line: held.line, column: 1, function: fn, message: "\(lock) is held from here (a spinning lock)"),
                "under \(lock) (taken at line \(held.line))"
            )
        }
        if state.rcuDepth > 0 {
            if let start = state.rcuSteps.last(where: { $0.kind == .rcuSectionStarts }) {
                return (
                    WitnessStep(
                        line: start.line, column: start.column, function: fn,
                        message: "an RCU read-side section starts here"),
                    "inside an RCU read-side section (from line \(start.line))"
                )
            }
            return (
                WitnessStep(line: graph.line, column: 1, function: fn, message: "inside an RCU read-side section"),
                "inside an RCU read-side section"
            )
        }
        if state.irqDepth > 0 {
            return (
                WitnessStep(
                    line: graph.line, column: 1, function: fn, message: "interrupts or preemption are disabled here"),
                "with interrupts or preemption disabled"
            )
        }
        return nil
    }
    public func releases(of object: String) -> [WitnessStep] { state.objects[object]?.releases ?? [] }
    public var rcuSteps: [WitnessStep] { state.rcuSteps }

    /// Whether anything but `ignoringLock` (the lock being released) pins the object.
    public func isPinned(_ object: String, ignoringLock lock: String? = nil) -> Bool {
        guard let pins = pins(of: object) else { return true }
        if pins.any { return true }
        return state.locks.keys.contains { key in
            key != lock && AccessPath.parse(key).owner?.description == object
        }
    }

    /// A pin was held here and has been released: the object may be dead.
    public func isUnpinned(_ object: String, ignoringLock lock: String? = nil) -> Bool {
        guard let pins = pins(of: object) else { return false }
        return (pins.released || pins.rcuFound) && !isPinned(object, ignoringLock: lock)
    }

    /// The pins left after this put drops the reference it drops.
    public func pinnedAfterPut(_ object: String) -> Bool {
        guard var pins = pins(of: object) else { return true }
        if pins.counted > 0 { pins.counted -= 1 } else { pins.inherited = false }
        if pins.any { return true }
        return state.holdsOwnLock(of: object)
    }
}

/// A rule: one file in Rules/, with its identifier, rationale and examples, and a line in the
/// registry (Registry.swift). It subscribes to program points (or, as a FunctionRule, to whole
/// function runs) and reads the engine's state through ProgramPoint; it decides nothing by
/// reading text the engine wrote for people.
public protocol Rule: Sendable {
    static var id: String { get }
    static var summary: String { get }
    static var rationale: String { get }
    /// C that must trigger the rule (↓ marks where) and C that must not: each, after the
    /// declarations of `exampleContext`, a complete C file that RuleExampleTests checks.
    static var triggering: [String] { get }
    static var nonTriggering: [String] { get }
    static var exampleContext: String { get }
    func check(_ point: ProgramPoint) -> [Finding]
    /// One finding per function and object: the first point; the others are listed in its witness.
    static var firstPerObject: Bool { get }
    /// Reported by another stage than the engine (a suppression without a reason), but listed,
    /// explained and named in SARIF like any rule.
    static var isPseudoRule: Bool { get }
    /// A rule of the kernel's general locking, sleeping and reference rules, which holds in any
    /// file: it runs (as warnings) on files outside the aio model's scope, where the others,
    /// made for the aio subsystem's objects, do not.
    static var isGeneric: Bool { get }
    init()
}

extension Rule {
    public static var firstPerObject: Bool { false }
    public static var isPseudoRule: Bool { false }
    public static var isGeneric: Bool { false }
}

/// A function's run, for rules that judge a function by all its returns together.
public struct FunctionRun {
    public let graph: FlowGraph
    public let model: FileModel
    public let file: String
    public let returns: [ReturnRecord]
    /// Locks the function holds on entry (it releases them without taking them, or asserts them).
    public let heldOnEntry: Set<String>
    /// Locks whose state the function's paths cannot show (a trylock whose result is stored and
    /// tested later, a conditional-lock helper called outside a condition): never reported.
    public let unreliableLocks: Set<String>
    /// Summaries of the functions analysed before this one (its callees).
    public let summaries: [String: FunctionSummary]
    /// The objects the function publishes after setting their initial count.
    public let publications: [Publication]
}

/// Rules that look at a function as a whole, once its paths are explored.
public protocol FunctionRule: Rule {
    func finish(_ run: FunctionRun) -> [Finding]
}

extension FunctionRule {
    /// Most function rules judge only the whole function.
    public func check(_ point: ProgramPoint) -> [Finding] { [] }
}

/// The file as a whole, for rules that judge what no one function shows: the lock-order graph.
public struct FileRun {
    public let model: FileModel
    public let file: String
    public let lockOrder: LockOrder
}

/// Rules that look at the file once every function has been explored.
public protocol FileRule: Rule {
    func finish(_ file: FileRun) -> [Finding]
}

extension FileRule {
    public func check(_ point: ProgramPoint) -> [Finding] { [] }
}
