/// Pin counters (fields a teardown waits on) and the functions that drop a request's pin.
extension FileModel {
    // MARK: Pin counters

    mutating func inferPinCounters() {
        var seen: Set<String> = []
        for name in order {
            guard let g = graphs[name] else { continue }
            for (field, object, line, how) in waitedFields(in: g) {
                guard let type = type(of: object, in: g), seen.insert("\(type).\(field)").inserted else { continue }
                pinCounters.append(
                    PinCounter(
                        type: type, field: field,
                        evidence: Evidence(source: .inferred, function: name, line: line, detail: how)))
            }
        }
    }

    /// Fields a function waits on: a loop testing x->f whose body sleeps, or wait_event(..., x->f).
    func waitedFields(in g: FlowGraph) -> [(String, AccessPath, Int, String)] {
        var found: [(String, AccessPath, Int, String)] = []
        for header in g.blocks where header.successors.contains(where: { $0.label == .true }) {
            // Is there a back edge into this block (a loop), and does the loop body sleep?
            let preds = g.blocks.filter { $0.successors.contains { $0.back && $0.target == header.id } }
            guard !preds.isEmpty, let body = header.successors.first(where: { $0.label == .true })?.target else {
                continue
            }
            guard loopSleeps(from: body, header: header.id, in: g) else { continue }
            for e in header.events {
                if e.kind == .dereference, let p = e.path, p.isVariable, let f = e.field {
                    found.append((f, p, e.line, "loop at line \(e.line) sleeps until \(p)->\(f) changes"))
                } else if e.kind == .call, let (object, field) = FileModel.fieldOf(e.arguments?.first) {
                    found.append(
                        (field, object, e.line, "loop at line \(e.line) sleeps until \(object)->\(field) changes"))
                }
            }
        }
        for e in g.allEvents where e.kind == .call && KernelFunctions.waitEvent.contains(e.callee ?? "") {
            guard let args = e.arguments, args.count > 1 else { continue }
            for (object, field) in FileModel.memberReferences(in: args[1].text) {
                found.append((field, object, e.line, "\(e.callee!)() at line \(e.line) waits on \(object)->\(field)"))
            }
        }
        return found
    }

    func loopSleeps(from start: Int, header: Int, in g: FlowGraph) -> Bool {
        var stack = [start]
        var seen: Set<Int> = [header]
        while let b = stack.popLast() {
            guard seen.insert(b).inserted else { continue }
            for e in g.blocks[b].events where e.kind == .call {
                if let c = e.callee, KernelFunctions.waiting.contains(c) { return true }
            }
            for s in g.blocks[b].successors where !s.back && s.label != .return { stack.append(s.target) }
        }
        return false
    }

    /// `x->f` occurrences in an argument's text.
    static func memberReferences(in text: String) -> [(AccessPath, String)] {
        var result: [(AccessPath, String)] = []
        let chars = Array(text)
        var i = 0
        func identifier(at j: Int) -> (String, Int) {
            var k = j
            while k < chars.count, chars[k].isLetter || chars[k].isNumber || chars[k] == "_" { k += 1 }
            return (String(chars[j..<k]), k)
        }
        while i < chars.count {
            if chars[i].isLetter || chars[i] == "_" {
                let (name, end) = identifier(at: i)
                if end + 1 < chars.count, chars[end] == "-", chars[end + 1] == ">" {
                    let (field, fieldEnd) = identifier(at: end + 2)
                    if !field.isEmpty { result.append((AccessPath(root: name), field)) }
                    i = fieldEnd
                    continue
                }
                i = end
            } else {
                i += 1
            }
        }
        return result
    }

    func isPinCounter(_ object: AccessPath, _ field: String, in g: FlowGraph) -> Bool {
        guard let t = type(of: object, in: g) else { return false }
        return pinCounters.contains { $0.type == t && $0.field == field }
    }

    // MARK: Request pins

    /// Functions that drop a request's pin on a parameter on every path: decrement its pin
    /// counter, or call a function that does.
    mutating func inferRequestPinReleases() {
        guard !pinCounters.isEmpty else { return }
        for _ in 0..<4 {
            var changed = false
            for name in order {
                guard let g = graphs[name] else { continue }
                let released = mustRelease(in: g)
                if !released.isEmpty, requestPinReleases[name] != released {
                    requestPinReleases[name] = released
                    changed = true
                }
            }
            if !changed { break }
        }
    }

    /// The parameters whose pin counter is decremented on every path to the function's exit.
    func mustRelease(in g: FlowGraph) -> Set<Int> {
        let params = Dictionary(
            g.parameters.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
        func releases(_ e: Event) -> Int? {
            if e.kind == .decrement, let p = e.path, p.components.count == 1, let i = params[p.root],
                isPinCounter(AccessPath(root: p.root), p.components[0].name, in: g)
            {
                return i
            }
            if e.kind == .call, let callee = e.callee {
                if KernelFunctions.decrements.contains(callee),
                    let (object, field) = FileModel.fieldOf(e.arguments?.last), let i = params[object.root],
                    isPinCounter(object, field, in: g)
                {
                    return i
                }
                if let indices = requestPinReleases[callee], callee != g.function {
                    for index in indices {
                        if let arg = e.arguments?[safe: index], let p = arg.path, p.isVariable, let i = params[p.root] {
                            return i
                        }
                    }
                }
            }
            return nil
        }
        // Forward must-analysis: the set released on every path into each block.
        let count = g.blocks.count
        let all = Set(params.values)
        var into: [Set<Int>] = Array(repeating: all, count: count)
        into[g.entry] = []
        var changed = true
        var rounds = 0
        let preds = g.predecessors()
        while changed, rounds < count + 8 {
            changed = false
            rounds += 1
            for b in 0..<count where b != g.entry {
                var input = all
                for p in preds[b] {
                    var out = into[p]
                    for e in g.blocks[p].events { if let i = releases(e) { out.insert(i) } }
                    input.formIntersection(out)
                }
                if preds[b].isEmpty { input = all }
                if input != into[b] {
                    into[b] = input
                    changed = true
                }
            }
        }
        return g.blocks[g.exit].successors.isEmpty && !preds[g.exit].isEmpty ? into[g.exit] : []
    }
}
