/// Release-path effects (sleeping, using an mm, freeing with or without a grace period), and the
/// contexts functions are entered in.
extension FileModel {
    // MARK: Effects

    mutating func inferEffects() {
        var memo: [String: [Effect: [ChainStep]]] = [:]
        var visiting: Set<String> = []
        func visit(_ name: String) -> [Effect: [ChainStep]] {
            if let m = memo[name] { return m }
            guard let g = graphs[name], visiting.insert(name).inserted else { return [:] }
            var result: [Effect: [ChainStep]] = [:]
            for e in g.allEvents {
                guard let callee = e.callee, e.kind == .call || e.kind == .lock else { continue }
                let step = ChainStep(function: name, line: e.line, callee: callee)
                var direct: [Effect] = []
                if KernelFunctions.sleeps(callee) { direct.append(.sleeps) }
                if KernelFunctions.usingMM.contains(callee) { direct.append(.usesMM) }
                if KernelFunctions.freeing.contains(callee) { direct.append(.frees) }
                if KernelFunctions.freeingAfterGracePeriod.contains(callee) { direct.append(.freesAfterGracePeriod) }
                for effect in direct where result[effect] == nil { result[effect] = [step] }
                if graphs[callee] != nil, callee != name {
                    for (effect, chain) in visit(callee) where result[effect] == nil { result[effect] = [step] + chain }
                }
            }
            visiting.remove(name)
            memo[name] = result
            return result
        }
        for name in order { effects[name] = visit(name) }
    }

    /// How each release frees its object: after a grace period (call_rcu on a field of it,
    /// kfree_rcu, queue_rcu_work) or at once (kfree of it).
    mutating func inferReleaseFrees() {
        for release in releaseFunctions {
            if let how = objectFree(release, parameter: 0, depth: 0) { releaseFrees[release] = how }
        }
    }

    func objectFree(_ function: String, parameter: Int, depth: Int) -> Effect? {
        guard depth < 6, let g = graphs[function] else { return nil }
        // A percpu_ref release receives the counter; the object comes from container_of.
        var names: Set<String> = []
        if let p = g.parameters[safe: parameter] { names.insert(p.name) }
        for e in g.allEvents where e.kind == .assignment {
            if let target = e.path, target.isVariable, let value = e.value, value.hasPrefix("container_of(") {
                names.insert(target.root)
            }
        }
        // A grace period on the object anywhere in the release (queue_rcu_work(), call_rcu()) delays
        // whatever frees it.
        for e in g.allEvents where e.kind == .call && KernelFunctions.freeingAfterGracePeriod.contains(e.callee ?? "") {
            if (e.arguments ?? []).contains(where: { a in a.path.map { names.contains($0.root) } ?? false }) {
                return .freesAfterGracePeriod
            }
        }
        for e in g.allEvents where e.kind == .call {
            guard let callee = e.callee, let args = e.arguments else { continue }
            let touches = args.contains { a in a.path.map { names.contains($0.root) } ?? false }
            guard touches else { continue }
            if KernelFunctions.freeing.contains(callee),
                args.contains(where: { $0.path.map { names.contains($0.root) && $0.isVariable } ?? false })
            {
                let graceFirst = g.allEvents.prefix { $0.line < e.line }.contains {
                    KernelFunctions.waitingForGracePeriod.contains($0.callee ?? "")
                }
                return graceFirst ? .freesAfterGracePeriod : .frees
            }
            if graphs[callee] != nil,
                let index = args.firstIndex(where: { a in a.path.map { names.contains($0.root) } ?? false }),
                let how = objectFree(callee, parameter: index, depth: depth + 1)
            {
                return how
            }
            // A work item or timer set up on the object frees it later, as its function does
            // (`INIT_WORK(&ctx->free_work, free_ioctx)`: free_ioctx finds ctx by container_of).
            if let reg = KernelFunctions.registrations[callee], reg.context != .rcuCallback,
                let fn = args[safe: reg.argument]?.text, graphs[fn] != nil,
                let how = objectFree(fn, parameter: 0, depth: depth + 1)
            {
                // INIT_RCU_WORK: the work runs after a grace period.
                return callee == "INIT_RCU_WORK" ? .freesAfterGracePeriod : how
            }
            // Dropping another counter of the object whose release frees it.
            if KernelFunctions.putWithRegisteredRelease.contains(callee),
                let (o, field) = FileModel.fieldOf(args.first),
                let next = registeredRelease(type(of: o, in: g), field)?.release, next != function,
                let how = objectFree(next, parameter: 0, depth: depth + 1)
            {
                return how
            }
        }
        return nil
    }

    /// The release functions of a type's references: its put roles', its percpu_ref counters'
    /// registered releases, its decrement-and-test counters'.
    public func releases(of type: String) -> [String] {
        var result: Set<String> = []
        for r in roles.values where r.type == type && r.kind == .put { if let rel = r.release { result.insert(rel) } }
        for field in refcountFields[type] ?? [] {
            if let r = registeredRelease(type, field)?.release { result.insert(r) }
            if let r = counterReleases["\(type).\(field)"]?.release { result.insert(r) }
        }
        return result.sorted()
    }

    // MARK: Entry contexts

    mutating func inferContexts(globals: [GlobalSyntax]) {
        var found: [String: [EntryContext]] = [:]
        func add(_ function: String, _ kind: EntryContext.Kind, _ ev: Evidence) {
            guard graphs[function] != nil else { return }
            if found[function]?.contains(where: { $0.kind == kind }) == true { return }
            found[function, default: []].append(EntryContext(kind: kind, evidence: ev, via: nil))
        }
        for global in globals {
            guard case .call(let callee?, _, let args, _)? = global.initializer?.kind,
                let reg = KernelFunctions.registrations[callee], args.indices.contains(reg.argument),
                case .name(let fn) = args[reg.argument].strippingAddressAndCasts.kind
            else { continue }
            add(
                fn, reg.context,
                Evidence(
                    source: .inferred, function: nil, line: global.position.line,
                    detail: "\(callee)(\(args.map(\.sourceText).joined(separator: ", ")))"))
        }
        let p = profile.profile
        for name in order {
            guard let g = graphs[name] else { continue }
            for e in g.allEvents {
                if e.kind == .call, let callee = e.callee, let reg = KernelFunctions.registrations[callee],
                    let arg = e.arguments?[safe: reg.argument], let fn = FileModel.functionName(arg.text)
                {
                    add(fn, reg.context, Evidence(source: .inferred, function: name, line: e.line, detail: e.text))
                }
                if e.kind == .call, KernelFunctions.registersRelease.contains(e.callee ?? ""),
                    let arg = e.arguments?[safe: 1], let fn = FileModel.functionName(arg.text)
                {
                    add(fn, .refRelease, Evidence(source: .inferred, function: name, line: e.line, detail: e.text))
                }
                if e.kind == .assignment, let target = e.path, let field = target.components.last?.name,
                    let fn = e.value.flatMap(FileModel.functionName)
                {
                    if field == "function" {
                        add(fn, .timer, Evidence(source: .inferred, function: name, line: e.line, detail: e.text))
                    } else if (p.interruptCallbackFields ?? []).contains(field) {
                        add(
                            fn, .interrupt,
                            Evidence(
                                source: .profile, function: name, line: e.line,
                                detail: "\(e.text) (profile \(p.name): \(field) completes in interrupt context)"))
                    }
                }
            }
        }
        for fn in p.interruptEntries ?? [] {
            add(fn, .interrupt, Evidence(source: .profile, function: nil, line: nil, detail: "profile \(p.name)"))
        }
        // A static function reached only from functions with an entry context inherits theirs.
        var callers: [String: Set<String>] = [:]
        for name in order {
            guard let g = graphs[name] else { continue }
            for e in g.allEvents where e.kind == .call {
                if let c = e.callee, graphs[c] != nil, c != name { callers[c, default: []].insert(name) }
            }
        }
        for _ in 0..<6 {
            var changed = false
            for name in order where found[name] == nil {
                guard let g = graphs[name], g.isStatic, let from = callers[name], !from.isEmpty,
                    from.allSatisfy({ found[$0] != nil })
                else { continue }
                var inherited: [EntryContext] = []
                for caller in from.sorted() {
                    for c in found[caller]! where !inherited.contains(where: { $0.kind == c.kind }) {
                        var copy = c
                        copy.via = copy.via ?? caller
                        inherited.append(copy)
                    }
                }
                found[name] = inherited
                changed = true
            }
            if !changed { break }
        }
        contexts = found
    }

    static func functionName(_ text: String) -> String? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("&") { t.removeFirst() }
        if t.hasPrefix("("), let close = t.firstIndex(of: ")") { t = String(t[t.index(after: close)...]) }
        guard !t.isEmpty, t.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), t.first?.isNumber == false else {
            return nil
        }
        return t
    }
}
