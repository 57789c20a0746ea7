/// Reference-count roles: gets, try-gets, puts and their releases, inferred from the code.
extension FileModel {
    // MARK: Reference counts

    mutating func inferRegisteredReleases() {
        for name in order {
            guard let g = graphs[name] else { continue }
            for e in g.allEvents where e.kind == .call && KernelFunctions.registersRelease.contains(e.callee ?? "") {
                guard let args = e.arguments, args.count > 1, let (object, field) = FileModel.fieldOf(args.first) else {
                    continue
                }
                let release = args[1].text
                let ev = Evidence(source: .inferred, function: name, line: e.line, detail: e.text)
                if let t = type(of: object, in: g) { registeredReleases["\(t).\(field)"] = (release, ev) }
                if registeredReleases[field] == nil { registeredReleases[field] = (release, ev) }
                if let t = type(of: object, in: g) {
                    refcountFields[t, default: []].insert(field)
                    trackedTypes[t] = trackedTypes[t] ?? ev
                }
                releaseFunctions.insert(release)
            }
        }
    }

    /// `if (atomic_dec_and_test(&x->f)) release(x)` anywhere in the file, written out or from a
    /// macro the file defines: the release of x's type's counter f.
    mutating func inferCounterReleases() {
        for name in order {
            guard let g = graphs[name] else { continue }
            for (bi, block) in g.blocks.enumerated() where block.condition != nil {
                guard let e = block.events.last, e.kind == .call, let callee = e.callee,
                    KernelFunctions.decrementAndTest.contains(callee),
                    let (object, field) = FileModel.fieldOf(e.arguments?.first), let t = type(of: object, in: g),
                    let release = releaseCall(after: bi, in: g, object: object.root)
                else { continue }
                let key = "\(t).\(field)"
                guard counterReleases[key] == nil else { continue }
                let ev = Evidence(
                    source: .inferred, function: name, line: e.line, detail: "\(e.text) then \(release)()")
                counterReleases[key] = (release, ev)
                refcountFields[t, default: []].insert(field)
                trackedTypes[t] = trackedTypes[t] ?? ev
                releaseFunctions.insert(release)
            }
        }
    }

    mutating func inferRefcountRoles() {
        // Callees before callers: a wrapper of a wrapper is found in a later round.
        for _ in 0..<3 {
            var found = false
            for name in order {
                guard let g = graphs[name], roles[name] == nil else { continue }
                if let role = refcountRole(of: g) {
                    roles[name] = role
                    found = true
                }
            }
            if !found { break }
        }
        for role in roles.values {
            trackedTypes[role.type] = trackedTypes[role.type] ?? role.evidence
            if let f = role.field { refcountFields[role.type, default: []].insert(f) }
            if let r = role.release { releaseFunctions.insert(r) }
        }
        let p = profile.profile
        let profileRoles: [(Profile.Role, RefcountRole.Kind)] =
            (p.gets ?? []).map { ($0, .get) } + (p.tryGets ?? []).map { ($0, .tryGet) }
            + (p.puts ?? []).map { ($0, .put) }
        for (r, kind) in profileRoles where roles[r.function] == nil && graphs[r.function] == nil {
            let ev = Evidence(source: .profile, function: nil, line: nil, detail: "profile \(p.name)")
            roles[r.function] = RefcountRole(
                function: r.function, kind: kind, parameter: 0, type: r.type, field: nil, release: r.release,
                evidence: ev)
            trackedTypes[r.type] = trackedTypes[r.type] ?? ev
            if let rel = r.release { releaseFunctions.insert(rel) }
            if let f = r.field { refcountFields[r.type, default: []].insert(f) }
        }
    }

    /// A get, try-get or put of one of the function's parameters, from its body.
    func refcountRole(of g: FlowGraph) -> RefcountRole? {
        // Only functions that hand a parameter's field to a counting primitive, or a parameter to
        // a known role, can be roles.
        let candidates = Set(
            g.allEvents.lazy.filter { $0.kind == .call }.flatMap { $0.arguments ?? [] }.compactMap { $0.path?.root })
        for (index, param) in g.parameters.enumerated() where candidates.contains(param.name) {
            guard let type = FileModel.objectType(param.type) else { continue }
            var get: (Event, String)?
            var tryGet: (Event, String)?
            var put: (Event, String?, String?)?
            for (bi, block) in g.blocks.enumerated() {
                for e in block.events where e.kind == .call {
                    guard let callee = e.callee else { continue }
                    let args = e.arguments ?? []
                    if let (object, field) = FileModel.fieldOf(args.first), object.root == param.name {
                        if KernelFunctions.getPrimitives.contains(callee) { get = get ?? (e, field) }
                        if KernelFunctions.tryGetPrimitives.contains(callee) { tryGet = tryGet ?? (e, field) }
                        if KernelFunctions.decrementAndTest.contains(callee), block.condition != nil {
                            put = put ?? (e, field, releaseCall(after: bi, in: g, object: param.name))
                        }
                        if KernelFunctions.putWithRelease.contains(callee), args.count > 1 {
                            put = put ?? (e, field, args[1].text)
                        }
                        if KernelFunctions.putWithRegisteredRelease.contains(callee) {
                            put = put ?? (e, field, registeredRelease(type, field)?.release)
                        }
                    }
                    // A wrapper of a known role passes the parameter on.
                    if let role = roles[callee], role.function != g.function, args.indices.contains(role.parameter),
                        args[role.parameter].path == AccessPath(root: param.name)
                    {
                        switch role.kind {
                        case .get: get = get ?? (e, role.field ?? "")
                        case .tryGet: tryGet = tryGet ?? (e, role.field ?? "")
                        case .put: put = put ?? (e, role.field, role.release)
                        }
                    }
                }
            }
            func make(_ kind: RefcountRole.Kind, _ e: Event, _ field: String?, _ release: String?) -> RefcountRole {
                RefcountRole(
                    function: g.function, kind: kind, parameter: index, type: type,
                    field: field?.isEmpty == true ? nil : field,
                    release: release,
                    evidence: Evidence(source: .inferred, function: g.function, line: e.line, detail: e.text))
            }
            // A function that both takes and drops is not an API of either kind; one that does it
            // only on some paths (an error path's put) is not an API at all.
            func always(_ e: Event) -> Bool { FileModel.onEveryPath(g) { $0 == e } }
            if let put, get == nil, tryGet == nil, always(put.0) { return make(.put, put.0, put.1, put.2) }
            if let tryGet, put == nil, always(tryGet.0) { return make(.tryGet, tryGet.0, tryGet.1, nil) }
            if let get, put == nil, tryGet == nil, always(get.0) { return make(.get, get.0, get.1, nil) }
        }
        return nil
    }

    /// Whether every path from the entry that returns passes an event satisfying `matches`
    /// (paths ending in a call that does not return do not count).
    static func onEveryPath(_ g: FlowGraph, _ matches: (Event) -> Bool) -> Bool {
        let count = g.blocks.count
        let has = g.blocks.map { $0.events.contains(where: matches) }
        // seen[b]: some path reaches b without a matching event.
        var unmatched = Array(repeating: false, count: count)
        var stack = [g.entry]
        while let b = stack.popLast() {
            guard !unmatched[b] else { continue }
            unmatched[b] = true
            if has[b] { continue }
            for e in g.blocks[b].successors { stack.append(e.target) }
        }
        return !unmatched[g.exit] || has[g.exit]
    }

    /// The release a decrement-and-test leads to: the first call taking the object on the branch
    /// where the count reached zero.
    func releaseCall(after block: Int, in g: FlowGraph, object: String) -> String? {
        guard let edge = g.blocks[block].successors.first(where: { $0.label == .true }) else { return nil }
        var b = edge.target
        for _ in 0..<4 {
            for e in g.blocks[b].events where e.kind == .call {
                if e.arguments?.contains(where: { $0.path == AccessPath(root: object) }) == true { return e.callee }
            }
            guard g.blocks[b].successors.count == 1 else { return nil }
            b = g.blocks[b].successors[0].target
        }
        return nil
    }
}
