/// The pipeline, in one place: file -> syntax -> flow graphs -> file model -> engine with the
/// rules -> findings. The command line, the benchmark and the tests run it through here; the
/// stages know nothing of each other beyond their inputs, and nothing here prints.
public enum Pipeline {
    /// The file (or the text in the request) parsed: libclang's tree read into the project's syntax.
    public static func parse(_ request: ParseRequest) throws -> TranslationUnitSyntax {
        try Parser.parse(request)
    }

    /// Every function's flow graph.
    public static func graphs(_ unit: TranslationUnitSyntax) -> FileGraphs {
        FileGraphs(unit: unit)
    }

    /// The roles the file's code shows (and its era's profile supplies).
    public static func model(_ graphs: [FlowGraph], of unit: TranslationUnitSyntax, profile: Profile? = nil)
        -> FileModel
    {
        FileModel(graphs: graphs, source: unit.source, globals: unit.globals, profile: profile)
    }

    /// The engine with the rules over every function of the model.
    public static func analyse(
        _ model: FileModel, of unit: TranslationUnitSyntax, rules: [any Rule] = Rules.instances(),
        budget: Int? = nil
    ) -> AnalysisResult {
        var engine = Engine(model: model, file: unit.path, rules: rules)
        if let budget { engine.budget = budget }
        return engine.run()
    }

    /// A parsed file checked: graphs, model, analysis.
    public static func check(_ unit: TranslationUnitSyntax, profile: Profile? = nil) -> FileCheck {
        let model = model(graphs(unit).graphs, of: unit, profile: profile)
        return FileCheck(unit: unit, model: model, result: analyse(model, of: unit))
    }

    /// What `check` does for one file: parse, check, then the suppressions in its source.
    public static func check(_ request: ParseRequest, profile: Profile? = nil) throws -> FileCheck {
        var check = check(try parse(request), profile: profile)
        check.applySuppressions()
        return check
    }
}
