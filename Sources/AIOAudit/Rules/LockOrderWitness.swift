/// How the lock-order rules say where a class was taken: the statement, and the chain through
/// the file's functions to the primitive.
enum LockWitness {
    /// `unuse_mm(mm) → task_lock()`, or the statement itself.
    static func chain(_ a: Acquisition) -> String {
        guard a.chain.count > 1 else { return a.text }
        return ([a.text] + a.chain.dropFirst().map { "\($0.callee)()" }).joined(separator: " → ")
    }

    static func chain(_ w: LockOrder.Witness) -> String {
        guard w.chain.count > 1 else { return w.text }
        return ([w.text] + w.chain.dropFirst().map { "\($0.callee)()" }).joined(separator: " → ")
    }

    /// A usage as a witness step (none for what only the kernel table says).
    static func step(_ w: LockOrder.Witness?, _ c: String) -> [WitnessStep] {
        guard let w, let f = w.function else { return [] }
        return [
            WitnessStep(line: w.line, column: w.column, function: f, message: "\(chain(w)) takes \(c) \(w.why)")
        ]
    }

    static func severity(_ ws: [LockOrder.Witness?]) -> Severity {
        ws.contains { $0?.fromProfile == true } ? .warning : .error
    }
}
