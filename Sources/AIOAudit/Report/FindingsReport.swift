import Foundation
@preconcurrency import Rainbow

public enum FindingsFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github
}

/// Compiler-style text, JSON and SARIF renderings of findings.
public enum FindingsReport {
    // MARK: Text

    /// `file:line:col: error: message [rule]`, the source line with a caret, then the witness as
    /// notes. Colour only when asked (the command asks on a terminal).
    public static func text(_ checks: [FileCheck], colour: Bool) -> String {
        Rainbow.enabled = colour
        if colour { Rainbow.outputTarget = .console }
        var out = ""
        for c in checks {
            let lines = Lines.of(c.unit.source)
            for f in c.findings {
                let level = f.severity == .error ? "error:".red.bold : "warning:".magenta.bold
                out += "\("\(f.file):\(f.line):\(f.column):".bold) \(level) \(f.message.bold) [\(f.rule)]\n"
                out += excerpt(lines, line: f.line, column: f.column)
                for s in f.witness {
                    out += "\(f.file):\(s.line):\(s.column): \("note:".cyan.bold) \(s.message)\n"
                }
            }
            for skipped in c.notAnalysed {
                out +=
                    "\(c.unit.path):\(skipped.line):1: \("note:".cyan.bold) \(skipped.function)() not analysed: too many paths\n"
            }
        }
        return out
    }

    static func excerpt(_ lines: [Substring], line: Int, column: Int, indent: String = "") -> String {
        guard line >= 1, line <= lines.count else { return "" }
        let text = lines[line - 1]
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        var caret = ""
        for (i, ch) in text.enumerated() where i < column - 1 { caret.append(ch == "\t" ? "\t" : " ") }
        return "\(indent) \(number) | \(text)\n\(indent) \(gutter) | \(caret)\("^".green.bold)\n"
    }

    public static func summary(_ checks: [FileCheck]) -> String? {
        let errors = checks.map(\.errors).reduce(0, +)
        let warnings = checks.map(\.warnings).reduce(0, +)
        guard errors + warnings > 0 else { return nil }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")) and \(plural(warnings, "warning")) generated."
    }

    // MARK: GitHub

    /// One workflow-command annotation per finding, with the witness in its message.
    public static func github(_ checks: [FileCheck]) -> String {
        ReviewReport.annotations(checks.flatMap(\.findings).map { ($0, $0.severity.rawValue, "aio-audit \($0.rule)") })
    }

    // MARK: JSON

    struct JSONFile: Encodable {
        var file: String
        var mode: String
        var profile: String
        /// "aio" (the model and its profile apply) or "generic" (only the generic rules report).
        var scope: String
        var parseErrors: Int
        var findings: [Finding]
        var notAnalysed: [String]
    }

    public static func json(_ checks: [FileCheck]) -> String {
        let files = checks.map {
            JSONFile(
                file: $0.unit.path, mode: $0.unit.mode.rawValue, profile: $0.model.profile.profile.name,
                scope: AIOScope.name(of: $0.unit.source), parseErrors: $0.unit.errors.count, findings: $0.findings,
                notAnalysed: $0.notAnalysed.map(\.function))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(["files": files])) ?? Data(), as: UTF8.self) + "\n"
    }

    // MARK: SARIF 2.1.0

    /// One SARIF result: the finding, the text of its line, and what a review says of it.
    public struct SARIFResult {
        public var finding: Finding
        public var source: Substring?
        public var baselineState: String?
        public var properties: [String: String] = [:]
        /// SARIF's result kind: "fail" (the default) or "pass" (a finding a change fixed).
        public var kind = "fail"
    }

    public static func sarif(_ checks: [FileCheck]) -> String {
        sarif(
            results: checks.flatMap { c in
                let lines = Lines.of(c.unit.source)
                return c.findings.map { SARIFResult(finding: $0, source: line($0.line, of: lines)) }
            },
            parsed: checks.map { (side: nil, unit: $0.unit) })
    }

    /// The line's text, when the file has it.
    static func line(_ n: Int, of lines: [Substring]) -> Substring? {
        n >= 1 && n <= lines.count ? lines[n - 1] : nil
    }

    /// A SARIF 2.1.0 log with one run; the run's properties say how each file was parsed.
    public static func sarif(results items: [SARIFResult], parsed: [(side: String?, unit: TranslationUnitSyntax)])
        -> String
    {
        let ruleTypes = Rules.all
        let rules: [[String: Any]] = ruleTypes.map { r in
            [
                "id": r.id, "name": r.id,
                "shortDescription": ["text": r.summary],
                "fullDescription": ["text": r.rationale],
                "help": ["text": r.rationale],
                "defaultConfiguration": ["level": "error"],
            ]
        }
        var results: [[String: Any]] = []
        for item in items {
            let f = item.finding
            var physicalLocation = physical(f.file, f.line, f.column)
            if let source = item.source, var region = physicalLocation["region"] as? [String: Any] {
                region["snippet"] = ["text": String(source)]
                physicalLocation["region"] = region
            }
            let location: [String: Any] = [
                "physicalLocation": physicalLocation,
                "logicalLocations": [["name": f.function, "kind": "function"]],
            ]
            let flow: [[String: Any]] = f.witness.map { s in
                [
                    "location": [
                        "physicalLocation": physical(f.file, s.line, s.column), "message": ["text": s.message],
                    ]
                ]
            }
            var result: [String: Any] = [
                "ruleId": f.rule,
                "level": item.kind == "fail" ? f.severity.rawValue : "none",
                "message": ["text": f.message],
                "locations": [location],
                "partialFingerprints": ["aioAuditIdentity/v1": Identity.of(f)],
            ]
            // A pseudo-rule (a suppression without a reason) is not in the rules array.
            if let index = ruleTypes.firstIndex(where: { $0.id == f.rule }) { result["ruleIndex"] = index }
            if !flow.isEmpty { result["codeFlows"] = [["threadFlows": [["locations": flow]]]] }
            if let state = item.baselineState { result["baselineState"] = state }
            if item.kind != "fail" { result["kind"] = item.kind }
            if !item.properties.isEmpty { result["properties"] = item.properties }
            results.append(result)
        }
        let files: [[String: Any]] = parsed.map { p in
            var entry: [String: Any] = [
                "file": p.unit.path, "mode": p.unit.mode.rawValue, "parseErrors": p.unit.errors.count,
                "scope": AIOScope.name(of: p.unit.source),
            ]
            if let side = p.side { entry["side"] = side }
            return entry
        }
        let run: [String: Any] = [
            "tool": ["driver": ["name": "aio-audit", "version": AIOAuditVersion.string, "rules": rules]],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": ["parsed": files],
        ]
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run],
        ]
        let data =
            (try? JSONSerialization.data(
                withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func physical(_ file: String, _ line: Int, _ column: Int) -> [String: Any] {
        let uri = file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file
        return [
            "artifactLocation": ["uri": uri], "region": ["startLine": max(line, 1), "startColumn": max(column, 1)],
        ]
    }
}
