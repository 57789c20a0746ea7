/// Everything `check` learnt about one file.
public struct FileCheck: Sendable {
    public var unit: TranslationUnitSyntax
    public var model: FileModel
    public var findings: [Finding]
    public var notAnalysed: [(function: String, line: Int)]
    /// What each function of the file does for its callers (locks, sleeping, references).
    public var summaries: [String: FunctionSummary]
    /// The file's lock classes and the order they are taken in.
    public var lockOrder: LockOrder

    /// Parses nothing: analyses a parsed file (Pipeline.check).
    public init(unit: TranslationUnitSyntax, profile: Profile? = nil) {
        self = Pipeline.check(unit, profile: profile)
    }

    init(unit: TranslationUnitSyntax, model: FileModel, result: AnalysisResult) {
        self.unit = unit
        self.model = model
        findings = result.findings
        notAnalysed = result.notAnalysed
        summaries = result.summaries
        lockOrder = result.lockOrder
    }

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
}

extension FileCheck {
    /// Names the file as reports should (the path relative to the repository's top).
    public mutating func rename(_ display: String) {
        unit.path = display
        for i in findings.indices { findings[i].file = display }
    }
}

extension FileCheck {
    /// Whether the aio model applies to the file (AIOScope: what it contains, not its name).
    public var isAIOCode: Bool { AIOScope.applies(to: unit.source) }

    /// Outside the aio model's scope only the generic rules report, as warnings (`--strict`
    /// counts them): the model's roles and profiles were made for the aio subsystem.
    public mutating func limitToScope(inScope: Bool? = nil) {
        guard !(inScope ?? isAIOCode) else { return }
        let generic = Set(Rules.all.filter { $0.isGeneric }.map { $0.id })
        findings = findings.filter { generic.contains($0.rule) || $0.rule == Suppression.ruleWithoutReason }
        for i in findings.indices { findings[i].severity = .warning }
    }

    /// The one line `check` says of a file outside the scope.
    public var scopeNote: String? {
        isAIOCode
            ? nil
            : "\(unit.path): \(AIOScope.outside): the aio model does not apply; generic lock, sleep and reference rules only, as warnings"
    }
}
