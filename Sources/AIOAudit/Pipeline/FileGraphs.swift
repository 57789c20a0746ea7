/// The flow graphs of one file, and how they were obtained.
public struct FileGraphs: Sendable {
    public var unit: TranslationUnitSyntax
    public var graphs: [FlowGraph]

    public init(unit: TranslationUnitSyntax) {
        self.unit = unit
        self.graphs = unit.functions.map(GraphBuilder.build)
    }

    public func selecting(function name: String) throws -> FileGraphs {
        var copy = self
        copy.graphs = graphs.filter { $0.function == name }
        if copy.graphs.isEmpty {
            let near = graphs.map(\.function).filter { $0.contains(name) || name.contains($0) }.prefix(3)
            let hint = near.isEmpty ? "" : " (did you mean \(near.joined(separator: ", "))?)"
            throw InputError(unit.path, "no function named '\(name)' is defined in the file\(hint)")
        }
        return copy
    }
}
