import Foundation
@preconcurrency import Rainbow

public enum ReviewFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github
}

/// Renderings of a review: what a change introduces, fixes and leaves; for a series, what each
/// message does and what the series does as a whole.
public enum ReviewReport {
    public static func render(_ review: ChangeReview, as format: ReviewFormat, colour: Bool) -> String {
        switch format {
        case .text: return text(review, colour: colour)
        case .json: return json(review)
        case .sarif: return sarif(review)
        case .github: return github(review.files)
        }
    }

    static func counts(_ r: FileReview) -> String {
        "\(r.count(.introduced)) introduced, \(r.count(.fixed)) fixed, \(r.count(.unchanged)) unchanged"
    }

    /// The lines of each side of a file's change, split once: fixed findings are in the file
    /// before the change, the others in the file after it.
    struct Sides {
        let before: [Substring]
        let after: [Substring]

        init(_ r: FileReview) {
            before = r.before.map { Lines.of($0.unit.source) } ?? []
            after = r.after.map { Lines.of($0.unit.source) } ?? []
        }

        func lines(of item: ReviewedFinding) -> [Substring] { item.change == .fixed ? before : after }

        /// The text of the line the finding is on, on its side.
        func source(of item: ReviewedFinding) -> Substring? {
            FindingsReport.line(item.finding.line, of: lines(of: item))
        }
    }

    public static func text(_ review: ChangeReview, colour: Bool) -> String {
        Rainbow.enabled = colour
        if colour { Rainbow.outputTarget = .console }
        var out = ""
        for n in review.notes { out += "\("note:".cyan.bold) \(n)\n" }
        for s in review.skipped { out += "skipped \(s)\n" }
        if review.files.isEmpty { out += "no C file to review in the change\n" }
        for p in review.patches {
            if review.isSeries { out += "\((p.title ?? "patch").bold)\n" }
            for r in p.files { out += text(r) }
        }
        if review.isSeries {
            let total = review.files
            let counts = ReviewClass.allCases.map { c in total.map { $0.count(c) }.reduce(0, +) }
            var line =
                "series of \(review.patches.count) patches, as a whole: \(counts[0]) introduced, \(counts[1]) fixed, \(counts[2]) unchanged"
            let culprits = review.patches.filter { $0.introduced > 0 }.map {
                "\($0.title ?? "patch") (\($0.introduced))"
            }
            if !culprits.isEmpty { line += "; introduced by " + culprits.joined(separator: ", ") }
            out += line.bold + "\n"
        }
        return out
    }

    /// One file's review: introduced findings in full, then the fixed and unchanged ones with the
    /// line of the side each belongs to.
    static func text(_ r: FileReview) -> String {
        var out = "\(r.path.bold): \(counts(r))\n"
        if r.addedParseErrors > 0 { out += "\(r.path): \("warning:".magenta.bold) \(addedParseErrors(r))\n" }
        for skipped in r.after?.notAnalysed ?? [] {
            out +=
                "\(r.path):\(skipped.line):1: \("note:".cyan.bold) \(skipped.function)() not analysed: too many paths\n"
        }
        let sides = Sides(r)
        var groups: [String: [ReviewedFinding]] = [:]
        for item in r.findings { groups[item.label, default: []].append(item) }
        let order = ["introduced", "fixed", "unchanged (now an error)", "unchanged (now a warning)", "unchanged"]
        for label in order {
            guard let items = groups[label] else { continue }
            switch items[0].change {
            case .introduced:
                out += "introduced:\n" + introducedText(r, colour: Rainbow.enabled)
            case .fixed, .unchanged:
                out += items[0].change == .fixed ? "\(label) (lines of the file before the change):\n" : "\(label):\n"
                for item in items {
                    let f = item.finding
                    out += "  \(f.file):\(f.line):\(f.column): \(f.severity.rawValue): \(f.message) [\(f.rule)]\n"
                    out += FindingsReport.excerpt(sides.lines(of: item), line: f.line, column: f.column, indent: "  ")
                }
            }
        }
        return out
    }

    /// The findings a change introduces into a file, in full, as `check` prints them (its note of
    /// functions not analysed is the file's, printed once with its counts).
    static func introducedText(_ r: FileReview, colour: Bool) -> String {
        guard var after = r.after else { return "" }
        after.findings = r.findings.filter { $0.change == .introduced }.map(\.finding)
        after.notAnalysed = []
        return FindingsReport.text([after], colour: colour)
    }

    static func addedParseErrors(_ r: FileReview) -> String {
        let n = r.addedParseErrors
        return
            "the change adds \(n) parse error\(n == 1 ? "" : "s") (\(r.after?.unit.mode.rawValue ?? "") mode): code \(n == 1 ? "it touches is" : "they touch is") not analysed (-v lists them)"
    }

    /// What a pre-commit hook prints: only what the change introduces, and one line.
    public static func hook(_ review: ChangeReview, colour: Bool) -> String {
        Rainbow.enabled = colour
        if colour { Rainbow.outputTarget = .console }
        var out = ""
        var introduced: [Finding] = []
        for r in review.files {
            let items = r.findings.filter { $0.change == .introduced }.map(\.finding)
            if r.addedParseErrors > 0 {
                out += "\(r.path): \("warning:".magenta.bold) \(addedParseErrors(r))\n"
            }
            out += introducedText(r, colour: colour)
            introduced += items
        }
        let files = review.files.map(\.path).joined(separator: ", ")
        let broken = review.files.map(\.addedParseErrors).reduce(0, +)
        if review.files.isEmpty {
            out += "aio-audit: the commit changes no C file of the aio subsystem: nothing to review\n"
        } else if introduced.isEmpty && broken == 0 {
            let fixed = review.files.map { $0.count(.fixed) }.reduce(0, +)
            out += "aio-audit: the commit introduces no finding in \(files)\(fixed > 0 ? " (it fixes \(fixed))" : "")\n"
        } else {
            let errors = introduced.filter { $0.severity == .error }.count
            let warnings = introduced.count - errors
            var parts: [String] = []
            if !introduced.isEmpty {
                parts.append(
                    "\(errors) error\(errors == 1 ? "" : "s") and \(warnings) warning\(warnings == 1 ? "" : "s")")
            }
            if broken > 0 { parts.append("\(broken) parse error\(broken == 1 ? "" : "s")") }
            let what = parts.joined(separator: " and ")
            out +=
                "aio-audit: the commit introduces \(what) in \(files); commit blocked (git commit --no-verify skips this check)\n"
        }
        return out
    }

    // MARK: JSON

    /// A reviewed finding: the finding, the side of the change its line is on, that line's text,
    /// and the severity it had before when the change moved it.
    struct JSONFinding: Encodable {
        var item: ReviewedFinding
        var side: String
        var source: String?

        enum Extra: String, CodingKey { case side, source, previousSeverity }

        func encode(to encoder: Encoder) throws {
            try item.finding.encode(to: encoder)
            var c = encoder.container(keyedBy: Extra.self)
            try c.encode(side, forKey: .side)
            try c.encodeIfPresent(source, forKey: .source)
            try c.encodeIfPresent(item.previousSeverity, forKey: .previousSeverity)
        }
    }

    struct JSONParseErrors: Encodable {
        var before: Int?
        var after: Int?
    }

    struct JSONReview: Encodable {
        var file: String
        var mode: String?
        var parseErrors: JSONParseErrors
        var introduced: [JSONFinding]
        var fixed: [JSONFinding]
        var unchanged: [JSONFinding]
    }

    struct JSONPatch: Encodable {
        var title: String?
        var files: [JSONReview]
    }

    struct JSONDocument: Encodable {
        var files: [JSONReview]
        var patches: [JSONPatch]?
        var skipped: [String]
        var notes: [String]
    }

    static func json(_ r: FileReview) -> JSONReview {
        let sides = Sides(r)
        func items(_ c: ReviewClass) -> [JSONFinding] {
            r.findings.filter { $0.change == c }.map { item in
                JSONFinding(
                    item: item, side: c == .fixed ? "before" : "after", source: sides.source(of: item).map(String.init))
            }
        }
        return JSONReview(
            file: r.path, mode: r.mode?.rawValue,
            parseErrors: JSONParseErrors(before: r.before?.unit.errors.count, after: r.after?.unit.errors.count),
            introduced: items(.introduced), fixed: items(.fixed),
            unchanged: items(.unchanged))
    }

    public static func json(_ review: ChangeReview) -> String {
        let doc = JSONDocument(
            files: review.files.map(json),
            patches: review.isSeries
                ? review.patches.map { JSONPatch(title: $0.title, files: $0.files.map(json)) } : nil,
            skipped: review.skipped, notes: review.notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(doc)) ?? Data(), as: UTF8.self) + "\n"
    }

    // MARK: SARIF and GitHub

    /// SARIF with every finding of both sides: `baselineState` says new, absent or unchanged;
    /// each result's snippet is its line on its side of the change, and a series names the
    /// message that introduced a finding.
    public static func sarif(_ review: ChangeReview) -> String {
        var introducedBy: [String: String] = [:]
        if review.isSeries {
            for p in review.patches {
                for r in p.files {
                    for item in r.findings where item.change == .introduced {
                        introducedBy[Identity.of(item.finding)] = p.title ?? "patch"
                    }
                }
            }
        }
        var results: [FindingsReport.SARIFResult] = []
        for r in review.files {
            let sides = Sides(r)
            for item in r.findings {
                var result = FindingsReport.SARIFResult(
                    finding: item.finding, source: sides.source(of: item), baselineState: item.change.baselineState)
                // A fixed finding is no problem of the code after the change: code scanning must
                // not raise it as an alert (at a line of the file before the change).
                if item.change == .fixed { result.kind = "pass" }
                result.properties["side"] = item.change == .fixed ? "before" : "after"
                if let previous = item.previousSeverity { result.properties["previousLevel"] = previous.rawValue }
                if let patch = introducedBy[Identity.of(item.finding)] { result.properties["introducedBy"] = patch }
                results.append(result)
            }
        }
        return FindingsReport.sarif(results: results, parsed: review.parsed.map { (side: $0.side, unit: $0.unit) })
    }

    /// GitHub workflow commands: an annotation per finding of the changed file.
    public static func github(_ reviews: [FileReview]) -> String {
        annotations(
            reviews.flatMap { r in
                r.findings.filter { $0.change != .fixed }.map { item in
                    let f = item.finding
                    let level = item.change == .unchanged ? "notice" : f.severity.rawValue
                    return (f, level, "aio-audit \(f.rule) (\(item.label))")
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
