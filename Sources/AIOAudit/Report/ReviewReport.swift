import Foundation
import Rainbow

public enum ReviewFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github
}

/// Renderings of a review: what a change introduces, fixes and leaves.
public enum ReviewReport {
    public static func render(_ reviews: [FileReview], skipped: [String], as format: ReviewFormat, colour: Bool)
        -> String
    {
        switch format {
        case .text: return text(reviews, skipped: skipped, colour: colour)
        case .json: return json(reviews, skipped: skipped)
        case .sarif: return sarif(reviews)
        case .github: return github(reviews)
        }
    }

    static func count(_ r: FileReview, _ c: ReviewClass) -> Int { r.findings.filter { $0.change == c }.count }

    public static func text(_ reviews: [FileReview], skipped: [String], colour: Bool) -> String {
        Rainbow.enabled = colour
        if colour { Rainbow.outputTarget = .console }
        var out = ""
        for s in skipped { out += "skipped \(s)\n" }
        for r in reviews {
            out +=
                "\(r.path.bold): \(count(r, .introduced)) introduced, \(count(r, .fixed)) fixed, \(count(r, .unchanged)) unchanged\n"
            for change in [ReviewClass.introduced, .fixed, .unchanged] {
                let items = r.findings.filter { $0.change == change }
                guard !items.isEmpty else { continue }
                out += "\(change.rawValue):\n"
                switch change {
                case .introduced:
                    guard let after = r.after else { continue }
                    var check = after
                    check.findings = items.map(\.finding)
                    out += FindingsReport.text([check], colour: colour)
                case .fixed, .unchanged:
                    for f in items.map(\.finding) {
                        out += "  \(f.file):\(f.line):\(f.column): \(f.severity.rawValue): \(f.message) [\(f.rule)]\n"
                    }
                }
            }
        }
        return out
    }

    struct JSONReview: Encodable {
        var file: String
        var introduced: [Finding]
        var fixed: [Finding]
        var unchanged: [Finding]
    }

    struct JSONDocument: Encodable {
        var files: [JSONReview]
        var skipped: [String]
    }

    public static func json(_ reviews: [FileReview], skipped: [String]) -> String {
        let doc = JSONDocument(
            files: reviews.map { r in
                JSONReview(
                    file: r.path, introduced: r.findings.filter { $0.change == .introduced }.map(\.finding),
                    fixed: r.findings.filter { $0.change == .fixed }.map(\.finding),
                    unchanged: r.findings.filter { $0.change == .unchanged }.map(\.finding))
            }, skipped: skipped)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(doc)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// SARIF with every finding of both sides: `baselineState` says new, absent or unchanged.
    public static func sarif(_ reviews: [FileReview]) -> String {
        var states: [String: String] = [:]
        var checks: [FileCheck] = []
        for r in reviews {
            for f in r.findings { states[Identity.of(f.finding)] = f.change.baselineState }
            if let after = r.after { checks.append(after) }
            if var before = r.before {
                // Fixed findings are reported where they were, in the file before the change.
                before.findings = r.findings.filter { $0.change == .fixed }.map(\.finding)
                checks.append(before)
            }
        }
        return FindingsReport.sarif(checks, baselineStates: states)
    }

    /// GitHub workflow commands: an annotation per finding of the changed file.
    public static func github(_ reviews: [FileReview]) -> String {
        annotations(
            reviews.flatMap { r in
                r.findings.filter { $0.change != .fixed }.map { item in
                    let f = item.finding
                    let level = item.change == .unchanged ? "notice" : f.severity.rawValue
                    return (f, level, "aio-audit \(f.rule) (\(item.change.rawValue))")
                }
            })
    }

    static func annotations(_ items: [(Finding, String, String)]) -> String {
        var out = ""
        for (f, level, title) in items {
            out += "::\(level) file=\(property(f.file)),line=\(f.line),col=\(f.column),title=\(property(title))::"
            out += data(f.message + "\n" + f.witness.map { "line \($0.line): \($0.message)" }.joined(separator: "\n"))
            out += "\n"
        }
        return out
    }

    /// GitHub's escaping of a workflow command's message.
    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// ... and of a property value, where `:` and `,` separate.
    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
