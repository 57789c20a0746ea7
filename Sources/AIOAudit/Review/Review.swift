import Foundation

/// A finding's place in a review: what a change introduces, fixes or leaves.
public enum ReviewClass: String, Codable, Sendable, CaseIterable {
    case introduced, fixed, unchanged

    /// SARIF's baselineState for the class.
    public var baselineState: String {
        switch self {
        case .introduced: return "new"
        case .fixed: return "absent"
        case .unchanged: return "unchanged"
        }
    }
}

public struct ReviewedFinding: Codable, Sendable {
    public var finding: Finding
    public var change: ReviewClass
}

/// One file before and after a change.
public struct FileReview: Sendable {
    public var path: String
    public var before: FileCheck?
    public var after: FileCheck?
    public var findings: [ReviewedFinding]
}

/// The two versions of one file, as text (nil: the file does not exist on that side).
public struct FileVersions: Sendable {
    public var path: String
    public var before: String?
    public var after: String?

    public init(path: String, before: String?, after: String?) {
        self.path = path
        self.before = before
        self.after = after
    }
}

public enum Review {
    /// Checks both versions concurrently (two threads, each with its own libclang index) and
    /// classifies the findings by identity: rule, function, object, normalised statement.
    public static func review(
        _ versions: FileVersions, base: ParseRequest, profile: Profile?, suppressions: Bool = true
    ) throws -> FileReview {
        var results: [Result<FileCheck, Error>?] = [nil, nil]
        let group = DispatchGroup()
        let lock = NSLock()
        for (index, text) in [versions.before, versions.after].enumerated() {
            guard let text else { continue }
            group.enter()
            DispatchQueue.global().async {
                var request = base
                request.path = versions.path
                request.contents = text
                let r = Result { () throws -> FileCheck in
                    var check = FileCheck(unit: try Parser.parse(request), profile: profile)
                    if suppressions { check.applySuppressions() }
                    return check
                }
                lock.lock()
                results[index] = r
                lock.unlock()
                group.leave()
            }
        }
        group.wait()
        let before = try results[0]?.get()
        let after = try results[1]?.get()
        return FileReview(
            path: versions.path, before: before, after: after,
            findings: classify(before: before?.findings ?? [], after: after?.findings ?? []))
    }

    /// Matches findings by identity, as many times as each identity occurs.
    public static func classify(before: [Finding], after: [Finding]) -> [ReviewedFinding] {
        var remaining: [String: Int] = [:]
        for f in before { remaining[Identity.of(f), default: 0] += 1 }
        var result: [ReviewedFinding] = []
        var matched: [String: Int] = [:]
        for f in after {
            let id = Identity.of(f)
            if remaining[id, default: 0] > 0 {
                remaining[id]! -= 1
                matched[id, default: 0] += 1
                result.append(ReviewedFinding(finding: f, change: .unchanged))
            } else {
                result.append(ReviewedFinding(finding: f, change: .introduced))
            }
        }
        for f in before {
            let id = Identity.of(f)
            if matched[id, default: 0] > 0 {
                matched[id]! -= 1
            } else {
                result.append(ReviewedFinding(finding: f, change: .fixed))
            }
        }
        return result
    }
}

// MARK: Accepted findings

extension FileCheck {
    /// `/* aio-audit: ignore RULE reason */` on the finding's line or the line before drops it;
    /// a suppression without a reason is reported instead of honoured.
    public mutating func applySuppressions() {
        let lines = Lines.of(unit.source)
        var kept: [Finding] = []
        var unexplained: [Finding] = []
        for f in findings {
            var suppressed = false
            for l in [f.line, f.line - 1] where l >= 1 && l <= lines.count {
                guard let s = Suppression.parse(lines[l - 1]), s.rule == f.rule || s.rule == "all" else { continue }
                if s.reason.isEmpty {
                    unexplained.append(
                        Finding(
                            rule: Suppression.ruleWithoutReason, severity: .warning, file: f.file, function: f.function,
                            line: l, column: 1,
                            message: "a suppression of \(f.rule) needs a reason: /* aio-audit: ignore \(f.rule) WHY */",
                            object: f.object, statement: f.statement,
                            witness: [
                                WitnessStep(
                                    line: f.line, column: f.column, function: f.function,
                                    message: "the suppressed finding: \(f.message)")
                            ]))
                } else {
                    suppressed = true
                }
            }
            if !suppressed { kept.append(f) }
        }
        findings = (kept + unexplained).sorted { ($0.line, $0.column, $0.rule) < ($1.line, $1.column, $1.rule) }
    }

    /// Drops findings whose identity the baseline holds.
    public mutating func applyBaseline(_ baseline: Set<String>) {
        findings.removeAll { baseline.contains(Identity.of($0)) }
    }
}

enum Suppression {
    static let ruleWithoutReason = "suppression-without-reason"

    /// (rule, reason) of an `aio-audit: ignore` comment on the line.
    static func parse(_ line: Substring) -> (rule: String, reason: String)? {
        guard Words.occurs("aio-audit: ignore", in: line), let r = line.range(of: "aio-audit: ignore") else {
            return nil
        }
        var rest = line[r.upperBound...]
        if let end = rest.range(of: "*/") { rest = rest[..<end.lowerBound] }
        let words = rest.split(separator: " ", omittingEmptySubsequences: true)
        guard let rule = words.first else { return ("all", "") }
        return (String(rule), words.dropFirst().joined(separator: " "))
    }
}

/// `--baseline FILE` / `--write-baseline FILE`: the identities of accepted findings, as JSON.
public enum Baseline {
    struct Document: Codable {
        var version = 1
        var findings: [Entry]
    }

    struct Entry: Codable {
        var identity: String
        var rule: String
        var function: String
        var object: String
        var statement: String
    }

    public static func read(_ path: String) throws -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError(path, "cannot be read") }
        guard let doc = try? JSONDecoder().decode(Document.self, from: data) else {
            throw InputError(path, "is not an aio-audit baseline (write one with --write-baseline)")
        }
        return Set(doc.findings.map(\.identity))
    }

    public static func write(_ findings: [Finding], to path: String) throws {
        var seen: Set<String> = []
        let entries = findings.compactMap { f -> Entry? in
            let id = Identity.of(f)
            guard seen.insert(id).inserted else { return nil }
            return Entry(identity: id, rule: f.rule, function: f.function, object: f.object, statement: f.statement)
        }.sorted { $0.identity < $1.identity }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(Document(findings: entries)).write(to: URL(fileURLWithPath: path))
        } catch {
            throw InputError(path, "cannot be written: \(error.localizedDescription)")
        }
    }
}
