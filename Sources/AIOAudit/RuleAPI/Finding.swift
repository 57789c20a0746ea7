/// What a rule reports: a finding with its severity and its witness, the ordered steps that make
/// it true. Findings are values: the engine, the review and the reports pass them on unchanged.

public enum Severity: String, Codable, Sendable, Comparable {
    case warning, error
    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

public struct Finding: Codable, Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var file: String
    public var function: String
    public var line: Int
    public var column: Int
    public var message: String
    /// The object the finding is about (its access path in the function).
    public var object: String
    /// The statement, normalised (whitespace-free source text): with rule, function and object,
    /// the finding's identity across line drift and reformatting.
    public var statement: String
    public var witness: [WitnessStep]
}

/// A step of a path worth showing in a witness (a pin released, a lock dropped, a section ended).
/// Its kind says what happened, for rules to select steps by; its message is for people only, and
/// no rule reads it.
public struct WitnessStep: Codable, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Context a rule adds to explain its finding.
        case note
        case referenceTaken, referenceDropped
        case requestPinDropped
        /// The unlock of the object's own lock (it pins the object while held).
        case ownLockReleased
        /// The object was found by an RCU-protected lookup, with no reference of its own.
        case foundUnderRCU
        case rcuSectionStarts, rcuSectionEnds
    }

    public var line: Int
    public var column: Int
    public var function: String
    public var message: String
    /// Not printed: the reports show the message.
    public var kind: Kind

    enum CodingKeys: String, CodingKey { case line, column, function, message }

    public init(line: Int, column: Int, function: String, message: String, kind: Kind = .note) {
        self.line = line
        self.column = column
        self.function = function
        self.message = message
        self.kind = kind
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            line: try c.decode(Int.self, forKey: .line), column: try c.decode(Int.self, forKey: .column),
            function: try c.decode(String.self, forKey: .function), message: try c.decode(String.self, forKey: .message)
        )
    }
}
