/// A function's control-flow graph: basic blocks of events in evaluation order, and labelled edges.

/// A lock said in two words: its class (what sleeps, what spins) and how it is taken (what it
/// does to interrupts, whether it is conditional).
public struct LockKind: Sendable, Hashable {
    public enum Class: String, Sendable, Hashable {
        case spinlock, rwlock, mutex, rwsem

        /// The holder of a spinning lock must not sleep.
        public var spins: Bool { self == .spinlock || self == .rwlock }
    }

    /// What taking the lock does to interrupts and bottom halves.
    public enum Taking: String, Sendable, Hashable {
        case plain, irq, irqsave, bh
    }

    public var lockClass: Class
    public var taking: Taking
    /// A conditional acquisition (a trylock, mutex_lock_interruptible()): held only where it
    /// succeeded.
    public var isTry: Bool

    public init(_ lockClass: Class, _ taking: Taking = .plain, try isTry: Bool = false) {
        self.lockClass = lockClass
        self.taking = taking
        self.isTry = isTry
    }

    public static let spinlock = LockKind(.spinlock)

    /// Interrupts or bottom halves are off while it is held (an unconditional irq/irqsave/bh
    /// acquisition; a trylock's are followed on its success edge).
    public var disablesInterrupts: Bool { taking != .plain && !isTry }
    /// A conditional acquisition that disables interrupts when it succeeds (spin_trylock_irqsave).
    public var isTryDisablingInterrupts: Bool { taking != .plain && isTry }
    /// A spinning lock taken or released plainly (spin_lock, spin_unlock, read_lock, ...).
    public var isPlainSpinning: Bool { lockClass.spins && taking == .plain && !isTry }
}

extension LockKind: Codable {
    /// The one word the graph JSON has always said: spin, irq, irqsave, bh, mutex, rwsem, trylock.
    public var word: String {
        if isTry { return "trylock" }
        switch lockClass {
        case .mutex: return "mutex"
        case .rwsem: return "rwsem"
        case .spinlock, .rwlock: return taking == .plain ? "spin" : taking.rawValue
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(word)
    }

    public init(from decoder: Decoder) throws {
        let word = try decoder.singleValueContainer().decode(String.self)
        switch word {
        case "mutex": self.init(.mutex)
        case "rwsem": self.init(.rwsem)
        case "trylock": self.init(.spinlock, try: true)
        default: self.init(.spinlock, Taking(rawValue: word) ?? .plain)
        }
    }
}

public enum ReturnOutcome: String, Codable, Sendable, Hashable {
    case success, failure, unknown
}

/// A call argument: its text and, when it names an object, its access path.
public struct CallArgument: Codable, Sendable, Hashable {
    public var text: String
    public var path: AccessPath?
    /// Passed as `&path` (the address of a field or variable).
    public var addressOf: Bool
}

/// Something the analysis reasons about, at a point of the program.
public struct Event: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        case call
        case lock
        case unlock
        case rcuReadLock = "rcu-read-lock"
        case rcuReadUnlock = "rcu-read-unlock"
        case dereference
        case assignment
        case increment
        case decrement
        case `return`
    }

    public var kind: Kind
    public var line: Int
    public var column: Int
    /// The source construct, printed back from the syntax (`really_put_req(ctx, req)`).
    public var text: String
    /// call, lock, unlock, RCU: the function or macro called.
    public var callee: String?
    public var arguments: [CallArgument]?
    /// lock/unlock: the lock; dereference: the object dereferenced; assignment: the target;
    /// increment/decrement: the counter.
    public var path: AccessPath?
    /// dereference: the field read or written through the object.
    public var field: String?
    /// assignment: what was assigned, when it is an object (an alias) or a call's result.
    public var value: String?
    public var valuePath: AccessPath?
    public var lockKind: LockKind?
    public var outcome: ReturnOutcome?

    public init(_ kind: Kind, at position: SourcePosition, text: String) {
        self.kind = kind
        self.line = position.line
        self.column = position.column
        self.text = text
    }

    /// A call through a function pointer (`fs->kill_sb(s)`, named `(*fs->kill_sb)`): what it does
    /// is not in the file.
    public var isIndirectCall: Bool { kind == .call && (callee ?? "(*").hasPrefix("(*") }
}

public struct Edge: Codable, Sendable, Hashable {
    public enum Label: String, Codable, Sendable, Hashable {
        case next, `true`, `false`, `case`, `default`, goto, `fallthrough`, `break`, `continue`, `return`
    }

    public var target: Int
    public var label: Label
    /// The case value for `case` edges, the label name for `goto` edges.
    public var detail: String?
    /// A loop's back edge (to the loop header).
    public var back: Bool
}

public struct BasicBlock: Codable, Sendable {
    public enum Role: String, Codable, Sendable {
        case entry, exit, body
        case loopHeader = "loop-header"
        case label
        /// Ends in a call that does not return.
        case noreturn
    }

    public var id: Int
    public var role: Role
    /// The label's name, or the iteration macro's name for a loop header.
    public var name: String?
    public var events: [Event]
    /// The condition a two-way block branches on, with `!` peeled off: the `true` edge is taken
    /// when it is non-zero.
    public var condition: String?
    public var conditionLine: Int?
    public var successors: [Edge]
}

public struct FlowGraph: Codable, Sendable {
    public var function: String
    public var line: Int
    public var endLine: Int
    public var isStatic: Bool
    public var parameters: [Parameter]
    public var returnType: String
    /// Declared types of local variables.
    public var locals: [String: String]
    public var entry: Int
    public var exit: Int
    public var blocks: [BasicBlock]
    /// sparse's lock annotations of the function (nil when it has none).
    public var lockAnnotations: [LockAnnotation]? = nil

    public func predecessors() -> [[Int]] {
        var preds = Array(repeating: [Int](), count: blocks.count)
        for b in blocks { for e in b.successors { preds[e.target].append(b.id) } }
        return preds
    }

    /// The declared type of a parameter or local variable.
    public func type(of variable: String) -> String? {
        parameters.first { $0.name == variable }?.type ?? locals[variable]
    }

    /// All events in block order (for tests and summaries).
    /// Every event, block by block (a lazy sequence: nothing is copied until it is read).
    public var allEvents: LazySequence<FlattenSequence<LazyMapSequence<[BasicBlock], [Event]>>> {
        blocks.lazy.flatMap { $0.events }
    }

    /// Where an event is: its block and its index there.
    public func position(of e: Event) -> (block: Int, index: Int)? {
        for b in blocks { if let i = b.events.firstIndex(of: e) { return (b.id, i) } }
        return nil
    }

    /// The first event after `start`, on some path (back edges not taken), that satisfies
    /// `found`; an assignment to the variable `stopAt` ends a path.
    public func firstEvent(after start: Event, stopAt variable: String? = nil, where found: (Event) -> Bool)
        -> Event?
    {
        guard let (b, i) = position(of: start) else { return nil }
        var stack: [(Int, Int)] = [(b, i + 1)]
        var seen: Set<Int> = []
        while let (block, index) = stack.popLast() {
            var stopped = false
            for (k, e) in blocks[block].events.enumerated() where k >= index {
                if let v = variable, e.kind == .assignment, e.path == AccessPath(root: v) {
                    stopped = true
                    break
                }
                if found(e) { return e }
            }
            if stopped { continue }
            for s in blocks[block].successors where !s.back && seen.insert(s.target).inserted {
                stack.append((s.target, 0))
            }
        }
        return nil
    }
}
