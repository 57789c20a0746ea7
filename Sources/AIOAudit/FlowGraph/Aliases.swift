/// Canonical access paths: after `ctx = req->ki_ctx`, `&req->ki_ctx->ctx_lock` names the same lock
/// of the same object as `&ctx->ctx_lock`, so every path is rewritten to the variable that holds
/// its prefix, where that holds on every path to the point (a forward must-alias analysis).
enum Aliases {
    /// path prefix -> the variable known to hold it.
    typealias Map = [AccessPath: String]

    static func canonicalise(_ graph: inout FlowGraph) {
        let count = graph.blocks.count
        let preds = graph.predecessors()
        var incoming: [Map?] = Array(repeating: nil, count: count)
        incoming[graph.entry] = [:]
        var outgoing: [Map?] = Array(repeating: nil, count: count)
        var worklist = Array(0..<count)
        var rounds = 0
        // Maps only shrink after their first value (intersection), so this converges; the bound
        // guards against pathological graphs.
        while let b = worklist.first, rounds < count * 8 + 64 {
            worklist.removeFirst()
            rounds += 1
            var input: Map?
            if b == graph.entry {
                input = [:]
            } else {
                for p in preds[b] {
                    guard let out = outgoing[p] else { continue }
                    input = input.map { intersect($0, out) } ?? out
                }
            }
            guard let start = input else { continue }
            incoming[b] = start
            var map = start
            for e in graph.blocks[b].events { transfer(&map, e) }
            if outgoing[b] != map {
                outgoing[b] = map
                for s in graph.blocks[b].successors where !worklist.contains(s.target) {
                    worklist.append(s.target)
                }
            }
        }
        for b in 0..<count {
            var map = incoming[b] ?? [:]
            for i in graph.blocks[b].events.indices {
                let e = graph.blocks[b].events[i]
                graph.blocks[b].events[i] = rewrite(e, map)
                transfer(&map, e)
            }
        }
    }

    static func intersect(_ a: Map, _ b: Map) -> Map {
        a.filter { b[$0.key] == $0.value }
    }

    static func transfer(_ map: inout Map, _ e: Event) {
        guard e.kind == .assignment, let target = e.path else { return }
        // Whatever mentioned the target is stale now.
        map = map.filter { key, variable in
            !key.hasPrefix(target) && !(target.isVariable && variable == target.root)
        }
        if target.isVariable, let source = e.valuePath, !source.isVariable, source.root != target.root {
            map[source] = target.root
        }
    }

    static func canonical(_ path: AccessPath, _ map: Map) -> AccessPath {
        var best: (AccessPath, String)?
        for (prefix, variable) in map where path.hasPrefix(prefix) {
            if best == nil || prefix.components.count > best!.0.components.count { best = (prefix, variable) }
        }
        guard let (prefix, variable) = best else { return path }
        return path.replacingPrefix(prefix, with: variable)
    }

    static func rewrite(_ e: Event, _ map: Map) -> Event {
        guard !map.isEmpty else { return e }
        var e = e
        if let p = e.path, e.kind != .assignment { e.path = canonical(p, map) }
        if let p = e.valuePath { e.valuePath = canonical(p, map) }
        if var args = e.arguments {
            for i in args.indices { if let p = args[i].path { args[i].path = canonical(p, map) } }
            e.arguments = args
        }
        return e
    }
}
