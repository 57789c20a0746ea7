/// How the lock-order rules say where a class was taken: the statement, and the chain through
/// the file's functions to the primitive.
enum LockWitness {
    /// `unuse_mm(mm) → task_lock()`, or the statement itself.
    static func chain(_ a: Acquisition) -> String { chain(a.text, a.chain) }

    static func chain(_ w: LockOrder.Witness) -> String { chain(w.text, w.chain) }

    private static func chain(_ text: String, _ steps: [ChainStep]) -> String {
        guard steps.count > 1 else { return text }
        return ([text] + steps.dropFirst().map { "\($0.callee)()" }).joined(separator: " → ")
    }

    /// A usage as a witness step (none for what only the kernel table says).
    static func step(_ w: LockOrder.Witness?, _ c: String) -> [WitnessStep] {
        guard let w, let f = w.function else { return [] }
        return [
            WitnessStep(line: w.line, column: w.column, function: f, message: "\(chain(w)) takes \(c) \(w.why)")
        ]
    }

    /// An order edge as two witness steps: where `from` was taken, and what took `to` under it.
    static func steps(_ e: LockOrder.Edge) -> [WitnessStep] {
        [
            WitnessStep(line: e.heldLine, column: 1, function: e.function, message: "\(e.from) is taken here"),
            WitnessStep(
                line: e.acquisition.line, column: e.acquisition.column, function: e.function,
                message: "\(chain(e.acquisition)) takes \(e.to) while \(e.from) is held"),
        ]
    }

    static func severity(_ ws: [LockOrder.Witness?]) -> Severity {
        ws.contains { $0?.fromProfile == true } ? .warning : .error
    }
}
