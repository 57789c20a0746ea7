/// What a call means beyond references and locks: whether it may sleep, whether it keeps an
/// object it is given, what a value assigned says of success or failure.

enum Sleeping {
    /// Lock primitives that spin: their holder must not sleep (mutexes and rwsems may).
    static func isSpinning(_ callee: String) -> Bool {
        guard let entry = LockPrimitive.lookup(callee) else { return true }
        return entry.kind.lockClass.spins
    }

    /// Why a call may sleep: the chain to the sleeping primitive, or nil.
    static func chain(of e: Event, in g: FlowGraph, summaries: [String: FunctionSummary]) -> [ChainStep]? {
        guard e.kind == .call || e.kind == .lock, let callee = e.callee else { return nil }
        let here = ChainStep(function: g.function, line: e.line, callee: callee)
        if KernelFunctions.sleeps(callee) { return [here] }
        if KernelFunctions.allocating.contains(callee), let args = e.arguments,
            args.contains(where: { $0.text.contains("GFP_KERNEL") || $0.text.contains("GFP_USER") })
        {
            return [here]
        }
        if callee != g.function, let inner = summaries[callee]?.sleeps { return [here] + inner }
        // A function of the file handed to a call runs inside it (wait_on_bit()'s action), unless
        // the call only defers or registers it to run elsewhere (a work item, a timer, an RCU
        // callback, a wake-up function, a reference's release).
        if !KernelFunctions.defersOrRegisters(callee) {
            for argument in e.arguments ?? [] {
                let name = argument.text.hasPrefix("&") ? String(argument.text.dropFirst()) : argument.text
                guard name != g.function, let inner = summaries[name]?.sleeps else { continue }
                return [here, ChainStep(function: callee, line: e.line, callee: name)] + inner
            }
        }
        return nil
    }
}

enum Handoff {
    /// Whether event `e` hands the object held by variable `name` on.
    static func keeps(
        _ name: String, _ e: Event, in g: FlowGraph, model: FileModel, summaries: [String: FunctionSummary]
    ) -> Bool {
        switch e.kind {
        case .assignment:
            // `req->ki_ctx = ctx`, `table->table[i] = ctx`, or a global.
            guard let target = e.path, let source = e.valuePath, source.isVariable, source.root == name else {
                return false
            }
            let global = target.isVariable && g.locals[target.root] == nil && g.type(of: target.root) == nil
            return !target.isVariable || global
        case .call:
            guard let callee = e.callee else { return false }
            let args = e.arguments ?? []
            if model.roles[callee] != nil { return false }
            for (i, a) in args.enumerated() {
                guard let p = a.path, p.root == name else { continue }
                if p.isVariable && !a.addressOf {
                    if KernelFunctions.publishing.contains(callee) && i > 0 { return true }
                    if let s = summaries[callee] { if s.keeps.contains(i) { return true } else { continue } }
                    if model.graphs[callee] != nil { continue }
                    if !KernelFunctions.borrows(callee) && !KernelFunctions.sleeps(callee) { return true }
                } else if a.addressOf, p.components.count == 1, KernelFunctions.storing.contains(callee) {
                    return true
                }
            }
            return false
        default:
            return false
        }
    }
}

enum Outcomes {
    /// Success or failure from an assigned value's text: `0`, `-EINVAL`, `ERR_PTR(...)`, `NULL`.
    static func of(_ text: String) -> ReturnOutcome {
        let t = text.filter { !$0.isWhitespace }
        if t == "0" { return .success }
        if t == "NULL" || t.hasPrefix("ERR_PTR(") { return .failure }
        if t.hasPrefix("-"), let first = t.dropFirst().first, first.isUppercase || first.isNumber,
            t.dropFirst() != "0"
        {
            return .failure
        }
        return .unknown
    }
}
