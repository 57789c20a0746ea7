/// The owner's side of the hand-back protocols (use-after-handback): where the file polls a
/// pointer with an acquire load, polls a list entry with list_empty_careful(), or waits for a
/// completion in an object on its stack.
public struct OwnerPoll: Sendable, Hashable {
    /// The type of the object that holds the polled member.
    public var type: String
    /// The member within the object (`head`, `wait.entry`).
    public var member: String
    public var function: String
    public var line: Int
}

extension FileModel {
    /// The type of the object a path names: a variable's, or through pointer fields whose types
    /// the file shows (`ctx->rq_wait` -> ctx_rq_wait).
    public func objectType(of path: AccessPath, in g: FlowGraph) -> String? {
        if path.isVariable { return type(of: path, in: g) }
        guard let owner = path.owner, let t = objectType(of: owner, in: g), let last = path.components.last else {
            return nil
        }
        return fieldTypes["\(t).\(last.name)"]
    }

    /// `req->wait.entry` -> `wait.entry`: a member within the object that embeds it.
    static func memberWithinObject(_ p: AccessPath) -> String {
        var parts: [String] = []
        for c in p.components.reversed() {
            parts.insert(c.name, at: 0)
            if c.throughPointer { break }
        }
        return parts.joined(separator: ".")
    }

    mutating func inferOwnerPolls() {
        for name in order {
            guard let g = graphs[name] else { continue }
            // Locals that are objects on the stack (`struct ctx_rq_wait wait;`), by name.
            var onStack: [String: String] = [:]
            for (local, declared) in g.locals where !declared.contains("*") && declared.hasPrefix("struct ") {
                onStack[local] = String(declared.dropFirst("struct ".count)).trimmingCharacters(in: .whitespaces)
            }
            for e in g.allEvents where e.kind == .call {
                guard let callee = e.callee, let member = e.arguments?.first?.path else { continue }
                if callee == "smp_load_acquire" || callee == "list_empty_careful", let owner = member.owner,
                    let t = objectType(of: owner, in: g)
                {
                    let poll = OwnerPoll(
                        type: t, member: Self.memberWithinObject(member), function: name, line: e.line)
                    if callee == "smp_load_acquire" { acquireLoads.append(poll) } else { carefulPolls.append(poll) }
                }
                if callee.hasPrefix("wait_for_completion"), let t = onStack[member.root], stackWaiters[t] == nil {
                    stackWaiters[t] = OwnerPoll(
                        type: t, member: Self.memberWithinObject(member), function: name, line: e.line)
                }
            }
        }
    }
}
