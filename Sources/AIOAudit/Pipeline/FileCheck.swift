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
