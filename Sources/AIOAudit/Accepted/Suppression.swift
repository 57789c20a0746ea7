/// Findings a team has accepted in the source: `/* aio-audit: ignore RULE reason */`.

extension FileCheck {
    /// `/* aio-audit: ignore RULE reason */` on the finding's line or the line before drops it;
    /// a suppression without a reason is reported instead of honoured.
    public mutating func applySuppressions() {
        let lines = Lines.of(unit.source)
        var kept: [Finding] = []
        var unexplained: [Finding] = []
        // A suppression without a reason is reported once, however many findings it would cover.
        var reportedLines: Set<Int> = []
        for f in findings {
            var suppressed = false
            for l in [f.line, f.line - 1] where l >= 1 && l <= lines.count {
                guard let s = Suppression.parse(lines[l - 1]), s.rule == f.rule || s.rule == "all" else { continue }
                if s.reason.isEmpty {
                    guard reportedLines.insert(l).inserted else { continue }
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
}

public enum Suppression {
    public static let ruleWithoutReason = SuppressionWithoutReason.id

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
