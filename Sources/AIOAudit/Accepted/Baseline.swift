import Foundation

/// `--baseline FILE` / `--write-baseline FILE`: the identities of accepted findings, as JSON, each
/// with how many findings share it.
public enum Baseline {
    struct Document: Codable {
        var version = 2
        var findings: [Entry]
    }

    struct Entry: Codable {
        var identity: String
        var rule: String
        var function: String
        var object: String
        var statement: String
        /// How many findings have this identity (a baseline of version 1 has no count: one).
        var count: Int?
    }

    /// identity -> how many findings with it are accepted.
    public static func read(_ path: String) throws -> [String: Int] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(path, FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        guard let doc = try? JSONDecoder().decode(Document.self, from: data) else {
            throw InputError(path, "is not an aio-audit baseline (write one with --write-baseline)")
        }
        var accepted: [String: Int] = [:]
        for e in doc.findings { accepted[e.identity, default: 0] += max(e.count ?? 1, 0) }
        return accepted
    }

    /// The findings the baseline does not account for, in order: as many of each identity are
    /// dropped as it counts.
    public static func filter(_ findings: [Finding], accepted: [String: Int]) -> [Finding] {
        filter(findings, accepted: accepted) { $0 }
    }

    /// The same over items that carry a finding; an item whose finding is nil is always kept.
    static func filter<Item>(_ items: [Item], accepted: [String: Int], finding: (Item) -> Finding?) -> [Item] {
        var left = accepted
        return items.filter { item in
            guard let f = finding(item) else { return true }
            let id = Identity.of(f)
            guard let n = left[id], n > 0 else { return true }
            left[id] = n - 1
            return false
        }
    }

    public static func write(_ findings: [Finding], to path: String) throws {
        var entries: [String: Entry] = [:]
        for f in findings {
            let id = Identity.of(f)
            entries[
                id,
                default: Entry(
                    identity: id, rule: f.rule, function: f.function, object: f.object, statement: f.statement, count: 0
                )
            ]
            .count! += 1
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            let sorted = entries.values.sorted { $0.identity < $1.identity }
            try encoder.encode(Document(findings: sorted)).write(to: URL(fileURLWithPath: path))
        } catch {
            throw InputError(path, "cannot be written: \(error.localizedDescription)")
        }
    }
}

extension FileCheck {
    /// Drops findings the baseline holds, as many of each identity as it counts: a second
    /// finding with the identity of an accepted one is new.
    public mutating func applyBaseline(_ baseline: [String: Int]) {
        findings = Baseline.filter(findings, accepted: baseline)
    }
}
