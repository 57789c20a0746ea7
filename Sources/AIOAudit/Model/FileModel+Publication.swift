/// Publication with initial counts: an object starts with N references (atomic_set,
/// refcount_set, kref_init, percpu_ref_init) and publishing it (a list insertion, an RCU pointer
/// store, a store into a longer-lived object, a callee that publishes its parameter) hands one of
/// them to the container. With none left of its own, the publisher must not touch it again.
public struct Publication: Sendable, Hashable {
    public var object: String
    public var type: String
    public var event: Event
    /// The references the function still owns after publishing (initial count + gets - 1).
    public var ownLeft: Int
    /// Where the initial count was set.
    public var initLine: Int
    public var initText: String
}

extension FileModel {
    /// Initial counts: the call and which argument names the counter; the count is the second
    /// argument (atomic_set, refcount_set) or 1.
    static let initialCounts: [String: Bool] = [
        "atomic_set": true, "atomic_long_set": true, "refcount_set": true, "kref_init": false,
        "percpu_ref_init": false,
    ]

    /// The tracked variable an event publishes, if it does: a list insertion of one of its
    /// members, an RCU pointer store of it, a store of it into another object, or a call of a
    /// function of the file that publishes that parameter.
    func published(by e: Event, in g: FlowGraph, summaries: [String: FunctionSummary]) -> String? {
        if e.kind == .call, let c = e.callee {
            let args = e.arguments ?? []
            if KernelFunctions.listInsertions.contains(c), let owner = args.first?.path?.owner, owner.isVariable,
                isTracked(owner, in: g)
            {
                return owner.root
            }
            if KernelFunctions.rcuPublishing.contains(c), let v = args[safe: 1]?.path, v.isVariable, isTracked(v, in: g)
            {
                return v.root
            }
            if let s = summaries[c] {
                for i in s.publishes.sorted() {
                    if let v = args[safe: i]?.path, v.isVariable, isTracked(v, in: g) { return v.root }
                }
            }
        }
        if e.kind == .assignment, let target = e.path, !target.isVariable, let v = e.valuePath, v.isVariable,
            isTracked(v, in: g), target.root != v.root
        {
            // Into a container: a table slot, an RCU-protected pointer, or a field through which
            // the file looks objects up and takes references on them.
            if target.components.last?.name == "[]" { return v.root }
            var field = target
            while field.components.last?.name == "[]" { field.components.removeLast() }
            if let owner = field.owner, let t = objectType(of: owner, in: g), let f = field.components.last?.name,
                rcuPointers["\(t).\(f)"] != nil || lookupFields.contains("\(t).\(f)")
            {
                return v.root
            }
        }
        return nil
    }

    /// Fields through which the file finds objects and takes a reference on them: containers
    /// that hold one. A container lookup reads a table slot (`table->table[id]`), an RCU-protected
    /// pointer (`rcu_dereference(...)`, an RCU list walk), or walks a list by hand (`for (ctx =
    /// mm->ioctx_list; ctx; ctx = ctx->next)`), then gets the object.
    mutating func inferLookupFields() {
        for name in order {
            guard let g = graphs[name] else { continue }
            var loadedFrom: [String: Set<String>] = [:]
            var container: Set<String> = []
            for e in g.allEvents {
                if e.kind == .assignment, let v = e.path, v.isVariable, isTracked(v, in: g),
                    let vt = type(of: v, in: g)
                {
                    var source: (object: String, field: String, subscripted: Bool)?
                    if let src = e.valuePath, src.components.count == 1, src.components[0].throughPointer {
                        source = (src.root, src.components[0].name, false)
                    } else if e.callee == nil, let loaded = FileModel.loadedField(e.value ?? "") {
                        source = loaded
                    } else if let c = e.callee, KernelFunctions.isRCULookup(c),
                        let (o, f) = FileModel.fieldOf(
                            CallArgument(text: "", path: FileModel.strippingSlots(e), addressOf: false))
                    {
                        source = (o.root, f, true)
                    }
                    if let (o, f, subscripted) = source, let t = type(of: AccessPath(root: o), in: g) {
                        loadedFrom[v.root, default: []].insert("\(t).\(f)")
                        // A slot, an RCU pointer, or a link of the object's own type (a list walk).
                        if subscripted || t == vt || rcuPointers["\(t).\(f)"] != nil { container.insert(v.root) }
                    }
                }
                if e.kind == .call, let c = e.callee, KernelFunctions.isRCUIteration(c),
                    let v = e.arguments?.first?.path,
                    v.isVariable
                {
                    container.insert(v.root)
                }
                guard e.kind == .call, let c = e.callee, let args = e.arguments else { continue }
                var got: String?
                var counter: String?
                if let role = roles[c], role.kind != .put {
                    got = args[safe: role.parameter]?.path?.root
                    counter = role.field
                }
                if KernelFunctions.getPrimitives.contains(c) || KernelFunctions.tryGetPrimitives.contains(c) {
                    got = FileModel.fieldOf(args.first)?.object.root
                    counter = FileModel.fieldOf(args.first)?.field
                }
                guard let v = got, container.contains(v) else { continue }
                lookupFields.formUnion(loadedFrom[v] ?? [])
                if let counter, let t = type(of: AccessPath(root: v), in: g) {
                    lookupCounters[t, default: []].insert(counter)
                }
            }
        }
    }

    /// `x = rcu_dereference(t->table[id])`: the pointer read, without its subscripts.
    static func strippingSlots(_ e: Event) -> AccessPath? {
        let text = e.value ?? ""
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return nil }
        let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard let (o, f, _) = loadedField(inner) else { return nil }
        return AccessPath(root: o, components: [AccessPath.Component(name: f, throughPointer: true)])
    }

    /// The publications of a function whose initial count it set, with what it owns after each.
    func publications(in g: FlowGraph, summaries: [String: FunctionSummary]) -> [Publication] {
        let events = g.allEvents.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        var result: [Publication] = []
        for (i, e) in events.enumerated() {
            guard let object = published(by: e, in: g, summaries: summaries),
                let t = type(of: AccessPath(root: object), in: g)
            else { continue }
            // The count the container's reference belongs to: the one the file's lookups take,
            // else every reference count of the type (the fewest left decides).
            let fields = lookupCounters[t] ?? refcountFields[t] ?? []
            var initial: [String: (Int, Event)] = [:]
            var gets: [String: Int] = [:]
            var roleGets = 0
            for before in events[..<i] where before.kind == .call {
                guard let c = before.callee, let args = before.arguments else { continue }
                let counter = FileModel.fieldOf(args.first)
                let ours = counter?.object.root == object && fields.contains(counter?.field ?? "")
                if ours, let f = counter?.field, let counted = Self.initialCounts[c],
                    let n = counted ? Int(args[safe: 1]?.text ?? "") : 1
                {
                    initial[f] = (n, before)
                }
                if ours, let f = counter?.field, KernelFunctions.getPrimitives.contains(c) { gets[f, default: 0] += 1 }
                if let role = roles[c], role.kind == .get, args[safe: role.parameter]?.path == AccessPath(root: object)
                {
                    roleGets += 1
                }
            }
            func left(_ f: String) -> Int { (initial[f]?.0 ?? 0) + (gets[f] ?? 0) }
            guard let f = initial.keys.min(by: { (left($0), $0) < (left($1), $1) }), let (n, at) = initial[f], n >= 1
            else { continue }
            result.append(
                Publication(
                    object: object, type: t, event: e, ownLeft: left(f) + roleGets - 1, initLine: at.line,
                    initText: at.text))
        }
        return result
    }
}

extension FileModel {
    /// Parameters the function publishes (itself or through a callee that does).
    func publishedParameters(_ g: FlowGraph, summaries: [String: FunctionSummary]) -> Set<Int> {
        var result: Set<Int> = []
        for e in g.allEvents {
            if let v = published(by: e, in: g, summaries: summaries),
                let i = g.parameters.firstIndex(where: { $0.name == v })
            {
                result.insert(i)
            }
        }
        return result
    }

    /// A publication that leaves the function no reference, followed on some path by a return of
    /// the object: the caller gets a published object it holds no reference to.
    func returnsUnreferenced(_ g: FlowGraph, publications: [Publication]) -> Publication? {
        for p in publications where p.ownLeft <= 0 {
            // A get after publishing is its own bug (use-after-publish reports it there); what it
            // returns then carries that reference.
            let regot = g.firstEvent(after: p.event, stopAt: p.object) { e in
                guard e.kind == .call, let c = e.callee, let args = e.arguments else { return false }
                if let role = roles[c], role.kind == .get { return args[safe: role.parameter]?.path?.root == p.object }
                return KernelFunctions.getPrimitives.contains(c)
                    && FileModel.fieldOf(args.first)?.object.root == p.object
            }
            if regot == nil,
                g.firstEvent(after: p.event, where: { $0.kind == .return && $0.value == p.object }) != nil
            {
                return p
            }
        }
        return nil
    }
}
