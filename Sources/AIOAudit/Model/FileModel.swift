/// Roles inferred from the code (SPEC section 2), each with the line it came from, and completed
/// by the profile where the file cannot tell.

/// The file model: every role the analysis uses, inferred from the file's flow graphs (the
/// extensions beside this file) and completed by the era's profile.
public struct FileModel: Sendable {
    public var graphs: [String: FlowGraph]
    public var order: [String]
    public var profile: ProfileChoice
    public var roles: [String: RefcountRole] = [:]
    /// `percpu_ref_init(&x->field, release)`: field -> release.
    public var registeredReleases: [String: (release: String, evidence: Evidence)] = [:]

    /// The release registered for counter `field` of `type` (`percpu_ref_init(&x->field, release)`).
    public func registeredRelease(_ type: String?, _ field: String) -> (release: String, evidence: Evidence)? {
        if let type, let r = registeredReleases["\(type).\(field)"] { return r }
        return registeredReleases[field]
    }
    /// "type.field" -> the release a decrement-and-test of that counter leads to.
    public var counterReleases: [String: (release: String, evidence: Evidence)] = [:]
    /// type -> fields that count references.
    public var refcountFields: [String: Set<String>] = [:]
    public var trackedTypes: [String: Evidence] = [:]
    public var pinCounters: [PinCounter] = []
    /// function -> parameters whose request pin it releases on every path.
    public var requestPinReleases: [String: Set<Int>] = [:]
    public var contexts: [String: [EntryContext]] = [:]
    /// function -> effect -> the chain from the function to the primitive.
    public var effects: [String: [Effect: [ChainStep]]] = [:]
    /// Functions that are some put's release (they own their object).
    public var releaseFunctions: Set<String> = []
    /// Release functions whose object is freed: with or without a grace period.
    public var releaseFrees: [String: Effect] = [:]
    /// type -> how an object leaves its RCU-protected list or table: whether the reference the
    /// list held is dropped only after a grace period (then a reader's plain get is safe), with
    /// the unlink and the put that shows it.
    public var rcuUnlinks: [String: (graceful: Bool, evidence: Evidence)] = [:]
    /// type -> the lock held where objects of the type leave their RCU list or table (its field's
    /// name: `ioctx_lock`), worked out once from the unlink (see inferRemovalLocks).
    public var removalLocks: [String: String] = [:]
    /// RCU-protected pointer fields (`kioctx_table.table`): accessed only through the RCU
    /// accessors.
    public var rcuPointers: [String: RCUPointer] = [:]
    /// Functions of the file stored in a field (`req->ki_cancel = aio_poll_cancel`), by field:
    /// a call through that field may call them.
    public var fieldCallbacks: [String: Set<String>] = [:]
    /// Pointer fields whose target type the file shows (`aio_kiocb.ki_ctx` -> kioctx).
    public var fieldTypes: [String: String] = [:]
    /// The owners' side of hand-backs: acquire loads and list_empty_careful() polls of members,
    /// and the types of objects a waiter keeps on its stack while it waits for a completion.
    public var acquireLoads: [OwnerPoll] = []
    public var carefulPolls: [OwnerPoll] = []
    public var stackWaiters: [String: OwnerPoll] = [:]
    /// Fields through which the file looks objects up and takes references (`mm_struct.ioctx_list`).
    public var lookupFields: Set<String> = []
    /// The reference counts those lookups take, by type (`kioctx` -> users).
    public var lookupCounters: [String: Set<String>] = [:]
    /// Teardowns that set a flag and wait for a pin counter to drain.
    public var drains: [Drain] = []

    /// What the era's RCU flavours mean, decided once from the profile: since Linux 4.20 (RCU
    /// flavour consolidation) a region with interrupts, bottom halves or preemption disabled holds
    /// off every grace period, and a sched-RCU grace period (percpu_ref_kill()) waits for
    /// rcu_read_lock() readers too; before, neither holds.
    public var disabledInterruptsHoldOffGracePeriods: Bool { profile.profile.rcuConsolidated }
    public var schedGracePeriodWaitsForRCUReaders: Bool { profile.profile.rcuConsolidated }

    /// The file's text: what a finding's statement is, as written, is read from it.
    public let text: String
    /// Its lines (index 0 is line 1).
    public let lines: [Substring]

    /// function -> variable -> object type (`struct kioctx *` -> kioctx), computed once.
    var variableTypes: [String: [String: String]] = [:]

    public init(graphs list: [FlowGraph], source: String, globals: [GlobalSyntax] = [], profile: Profile? = nil) {
        text = source
        lines = Lines.of(source)
        var byName: [String: FlowGraph] = [:]
        for g in list where byName[g.function] == nil { byName[g.function] = g }
        graphs = byName
        for g in byName.values {
            var types: [String: String] = [:]
            for p in g.parameters { if let t = FileModel.objectType(p.type) { types[p.name] = t } }
            for (name, declared) in g.locals where types[name] == nil {
                if let t = FileModel.objectType(declared) { types[name] = t }
            }
            variableTypes[g.function] = types
        }
        order = list.map(\.function)
        if let profile {
            self.profile = ProfileChoice(profile: profile, reason: "given with --profile")
        } else {
            self.profile = Profiles.choose(for: list, source: source)
        }
        inferRegisteredReleases()
        inferCounterReleases()
        inferRefcountRoles()
        inferPinCounters()
        inferRequestPinReleases()
        inferEffects()
        inferContexts(globals: globals)
        inferReleaseFrees()
        inferRCUUnlinks()
        inferRemovalLocks()
        inferRCUPointers()
        inferFieldCallbacks()
        inferFieldTypes()
        inferOwnerPolls()
        inferLookupFields()
        inferDrains()
    }

    /// `ctx = req->ki_ctx` with ctx a `struct kioctx *` and req a `struct aio_kiocb *`: the field
    /// aio_kiocb.ki_ctx points to a kioctx (both ways of the assignment).
    mutating func inferFieldTypes() {
        for g in graphs.values {
            for e in g.allEvents where e.kind == .assignment {
                guard let target = e.path, let source = e.valuePath else { continue }
                for (variable, path) in [(target, source), (source, target)] where variable.isVariable {
                    guard let t = type(of: variable, in: g), path.components.count == 1,
                        path.components[0].throughPointer, let owner = type(of: AccessPath(root: path.root), in: g)
                    else { continue }
                    fieldTypes["\(owner).\(path.components[0].name)"] = t
                }
            }
        }
    }

    mutating func inferFieldCallbacks() {
        for g in graphs.values {
            for e in g.allEvents where e.kind == .assignment {
                guard let target = e.path, !target.isVariable, let field = target.components.last?.name,
                    let fn = e.value.flatMap(FileModel.functionName), graphs[fn] != nil
                else { continue }
                fieldCallbacks[field, default: []].insert(fn)
            }
        }
    }

    /// The file's functions a call through a field may call: `(*kiocb->ki_cancel)`.
    public func callbacks(calledAs callee: String) -> [String] {
        guard callee.hasPrefix("(*"), callee.hasSuffix(")") else { return [] }
        let inner = callee.dropFirst(2).dropLast()
        let field = inner.split(whereSeparator: { $0 == ">" || $0 == "." }).last.map(String.init) ?? ""
        return (fieldCallbacks[field] ?? []).sorted()
    }

    // MARK: Types

    /// `struct kioctx *` -> kioctx.
    public static func objectType(_ declared: String?) -> String? {
        guard let declared, declared.utf8.contains(UInt8(ascii: "*")) else { return nil }
        let qualifiers: Set<Substring> = ["const", "volatile", "struct", "__rcu", "__user", "__percpu"]
        let words = declared.split(whereSeparator: { $0 == " " || $0 == "*" }).filter { !qualifiers.contains($0) }
        return words.count == 1 ? String(words[0]) : nil
    }

    public func type(of path: AccessPath, in g: FlowGraph) -> String? {
        guard path.isVariable else { return nil }
        return variableTypes[g.function]?[path.root]
    }

    public func isTracked(_ path: AccessPath, in g: FlowGraph) -> Bool {
        guard let t = type(of: path, in: g) else { return false }
        return trackedTypes[t] != nil
    }

    /// `&x->f` argument: (x, f) when x is a variable.
    static func fieldOf(_ argument: CallArgument?) -> (object: AccessPath, field: String)? {
        guard let p = argument?.path, p.components.count == 1, p.components[0].throughPointer else { return nil }
        return (AccessPath(root: p.root), p.components[0].name)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension FileModel {
    /// The kind of a lock the function is told it holds (an assertion, an annotation): as the file
    /// takes or releases it, in this function first, then the same field of the same structure
    /// anywhere in the file. Unknown, it is taken for a sleeping lock (a mutex): an assertion says
    /// nothing about the kind, and a spinning lock assumed wrongly would make every sleep under it
    /// a report; `assert_spin_locked()` says spinning.
    func lockKind(of lock: String, in g: FlowGraph, spinning: Bool) -> LockKind {
        if spinning { return .spinlock }
        func field(_ path: String) -> Substring {
            path.split(separator: ">").last.map { $0.split(separator: ".").last ?? $0 } ?? Substring(path)
        }
        func root(_ path: String) -> String {
            String(path.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        }
        let wanted = field(lock)
        let wantedType = variableTypes[g.function]?[root(lock)]
        for e in g.allEvents where (e.kind == .lock || e.kind == .unlock) && e.path?.description == lock {
            if let k = e.lockKind { return LockKind(k.lockClass) }
        }
        for name in graphs.keys.sorted() {
            guard let other = graphs[name] else { continue }
            for e in other.allEvents where e.kind == .lock || e.kind == .unlock {
                guard let p = e.path?.description, let k = e.lockKind, field(p) == wanted else { continue }
                let type = variableTypes[name]?[root(p)]
                if let wantedType, let type, wantedType != type { continue }
                return LockKind(k.lockClass)
            }
        }
        return LockKind(.mutex)
    }
}
