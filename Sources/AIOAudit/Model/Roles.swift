/// The roles the model infers, each with the evidence for it.

/// Why the tool believes a role: a line of the file, or the profile.
public struct Evidence: Codable, Sendable, Hashable {
    public enum Source: String, Codable, Sendable { case inferred, profile }
    public var source: Source
    public var function: String?
    public var line: Int?
    public var detail: String
}

/// The context a function runs in when something other than a system call enters it.
public struct EntryContext: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Comparable {
        case workItem = "work item"
        case rcuCallback = "RCU callback"
        case timer = "timer"
        case interrupt = "interrupt"
        case wakeupCallback = "wake-up callback"
        case refRelease = "reference release callback"

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

        /// "in a work item", "in interrupt context".
        public var phrase: String {
            switch self {
            case .workItem: return "a work item"
            case .rcuCallback: return "an RCU callback"
            case .timer: return "a timer callback"
            case .interrupt: return "interrupt context"
            case .wakeupCallback: return "a wake-up callback"
            case .refRelease: return "a reference release callback"
            }
        }

        /// Effects a function in this context must not have.
        var forbidden: Set<Effect> {
            switch self {
            // A work item may sleep, but runs in a kernel thread: a user's mm is not its own.
            case .workItem: return [.usesMM]
            case .rcuCallback, .timer, .interrupt, .wakeupCallback: return [.sleeps, .usesMM]
            case .refRelease: return [.usesMM]
            }
        }
    }

    public var kind: Kind
    public var evidence: Evidence
    /// Set when the context comes from the function's callers.
    public var via: String?
}

/// A function of the file (or a header macro named by the profile) that manages a reference.
public struct RefcountRole: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case get
        case tryGet = "try-get"
        case put
    }
    public var function: String
    public var kind: Kind
    public var parameter: Int
    public var type: String
    public var field: String?
    public var release: String?
    public var evidence: Evidence
}

public struct PinCounter: Codable, Sendable, Hashable {
    public var type: String
    public var field: String
    public var evidence: Evidence
}

/// One step of a chain that reaches an effect: function, line, what it calls.
public struct ChainStep: Codable, Sendable, Hashable {
    public var function: String
    public var line: Int
    public var callee: String
}

/// Everything the analysis knows about one file.
