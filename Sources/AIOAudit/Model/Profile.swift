import Foundation

/// What the file cannot tell about itself: roles defined in headers it includes, contexts
/// documented elsewhere, the kernel version's RCU semantics. Profiles are data (ProfileData),
/// chosen from the file's content; `--profile NAME|PATH` overrides the choice.
public struct Profile: Codable, Sendable {
    public struct Role: Codable, Sendable, Hashable {
        public var function: String
        /// The object's structure type (without `struct`).
        public var type: String
        public var release: String?
        /// The counter the function gets or puts (`users` of `struct kioctx`), when the profile
        /// knows it: it is a reference count of the type, with its initial count.
        public var field: String?
    }

    public struct Match: Codable, Sendable {
        /// Chosen when the file calls one of these without defining it (a header macro).
        public var usesWithoutDefining: [String]?
        /// Chosen when the file mentions one of these words.
        public var mentions: [String]?
    }

    public var name: String
    public var description: String
    public var match: Match?
    public var gets: [Role]?
    public var tryGets: [Role]?
    public var puts: [Role]?
    /// Functions that run as interrupt or softirq completion paths.
    public var interruptEntries: [String]?
    /// Fields that hold completion callbacks invoked from interrupt context (`ki_complete`).
    public var interruptCallbackFields: [String]?
    /// Since Linux 4.20 (RCU flavour consolidation) a region with interrupts, bottom halves or
    /// preemption disabled holds off every grace period; before, only the sched flavour's.
    public var rcuConsolidated: Bool
}

/// The chosen profile and why.
public struct ProfileChoice: Sendable {
    public var profile: Profile
    public var reason: String
}

public enum Profiles {
    public static let builtIn: [Profile] = {
        do {
            return try JSONDecoder().decode([Profile].self, from: Data(ProfileData.json.utf8))
        } catch {
            preconditionFailure("built-in profiles do not decode: \(error)")
        }
    }()

    /// `--profile NAME|PATH`: a built-in name, or a JSON file holding one profile.
    public static func named(_ nameOrPath: String) throws -> Profile {
        if let p = builtIn.first(where: { $0.name == nameOrPath }) { return p }
        guard FileManager.default.fileExists(atPath: nameOrPath) else {
            let names = builtIn.map(\.name).joined(separator: ", ")
            throw InputError(nameOrPath, "no such profile (built-in: \(names)) and no such file")
        }
        guard let data = FileManager.default.contents(atPath: nameOrPath) else {
            throw InputError(nameOrPath, "cannot be read")
        }
        do {
            return try JSONDecoder().decode(Profile.self, from: data)
        } catch let error as DecodingError {
            throw InputError(nameOrPath, "is not a valid profile: \(describe(error))")
        } catch {
            throw InputError(nameOrPath, "is not a valid profile: \(error.localizedDescription)")
        }
    }

    /// A decoder's complaint in one line that names the field: `field 'match.mentions': expected
    /// an array of strings`, not the decoder's dump of its coding path.
    static func describe(_ error: DecodingError) -> String {
        func field(_ path: [CodingKey]) -> String {
            let names = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return names.hasPrefix(".") ? String(names.dropFirst()) : names
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = field(context.codingPath + [key])
            return "field '\(at)' is missing"
        case .typeMismatch(let type, let context):
            return "field '\(field(context.codingPath))' is not \(article(type))"
        case .valueNotFound(let type, let context):
            return "field '\(field(context.codingPath))' is null, expected \(article(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "it is not JSON" }
            return "field '\(field(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }

    static func article(_ type: Any.Type) -> String {
        switch "\(type)" {
        case "String": return "a string"
        case "Bool": return "true or false"
        case "Int", "Double": return "a number"
        case let t where t.hasPrefix("Array"): return "a list"
        case let t where t.hasPrefix("Dictionary"): return "an object"
        default: return "an object (\(type))"
        }
    }

    /// The first built-in profile whose match holds, else the last (the default).
    public static func choose(for graphs: [FlowGraph], source: String) -> ProfileChoice {
        let defined = Set(graphs.map(\.function))
        var called: Set<String> = []
        for g in graphs { for e in g.allEvents where e.kind == .call { if let c = e.callee { called.insert(c) } } }
        for p in builtIn {
            guard let m = p.match else { continue }
            if let names = m.mentions, let hit = names.first(where: { Words.occurs($0, in: source, wholeWord: true) }) {
                return ProfileChoice(profile: p, reason: "the file mentions '\(hit)'")
            }
            if let names = m.usesWithoutDefining,
                let hit = names.first(where: { called.contains($0) && !defined.contains($0) })
            {
                return ProfileChoice(profile: p, reason: "the file calls '\(hit)' without defining it")
            }
        }
        let fallback = builtIn.last!
        return ProfileChoice(profile: fallback, reason: "no other profile matched")
    }
}
