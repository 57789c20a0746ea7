/// Roles inferred from the code (SPEC section 2), each with the line it came from, and completed
/// by the profile where the file cannot tell.

/// Why the tool believes a role: a line of the file, or the profile.
public struct Evidence: Codable, Sendable, Hashable {
    public enum Source: String, Codable, Sendable { case inferred, profile }
    public var source: Source
    public var function: String?
    public var line: Int?
    public var detail: String
}

/// The context a function runs in when something other than a system call enters it.
public struct EntryContext: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Comparable {
        case workItem = "work item"
        case rcuCallback = "RCU callback"
        case timer = "timer"
        case interrupt = "interrupt"
        case wakeupCallback = "wake-up callback"
        case refRelease = "reference release callback"

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

        /// "in a work item", "in interrupt context".
        public var phrase: String {
            switch self {
            case .workItem: return "a work item"
            case .rcuCallback: return "an RCU callback"
            case .timer: return "a timer callback"
            case .interrupt: return "interrupt context"
            case .wakeupCallback: return "a wake-up callback"
            case .refRelease: return "a reference release callback"
            }
        }

        /// Effects a function in this context must not have.
        var forbidden: Set<Effect> {
            switch self {
            // A work item may sleep, but runs in a kernel thread: a user's mm is not its own.
            case .workItem: return [.usesMM]
            case .rcuCallback, .timer, .interrupt, .wakeupCallback: return [.sleeps, .usesMM]
            case .refRelease: return [.usesMM]
            }
        }
    }

    public var kind: Kind
    public var evidence: Evidence
    /// Set when the context comes from the function's callers.
    public var via: String?
}

/// A function of the file (or a header macro named by the profile) that manages a reference.
public struct RefcountRole: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case get
        case tryGet = "try-get"
        case put
    }
    public var function: String
    public var kind: Kind
    public var parameter: Int
    public var type: String
    public var field: String?
    public var release: String?
    public var evidence: Evidence
}

public struct PinCounter: Codable, Sendable, Hashable {
    public var type: String
    public var field: String
    public var evidence: Evidence
}

/// One step of a chain that reaches an effect: function, line, what it calls.
public struct ChainStep: Codable, Sendable, Hashable {
    public var function: String
    public var line: Int
    public var callee: String
}

/// Everything the analysis knows about one file.
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

    /// What the era's RCU flavours mean, decided once from the profile: since Linux 4.20 (RCU
    /// flavour consolidation) a region with interrupts, bottom halves or preemption disabled holds
    /// off every grace period, and a sched-RCU grace period (percpu_ref_kill()) waits for
    /// rcu_read_lock() readers too; before, neither holds.
    public var disabledInterruptsHoldOffGracePeriods: Bool { profile.profile.rcuConsolidated }
    public var schedGracePeriodWaitsForRCUReaders: Bool { profile.profile.rcuConsolidated }

    /// The file's text: what a finding's statement is, as written, is read from it.
    public let text: String

    /// function -> variable -> object type (`struct kioctx *` -> kioctx), computed once.
    var variableTypes: [String: [String: String]] = [:]

    public init(graphs list: [FlowGraph], source: String, globals: [GlobalSyntax] = [], profile: Profile? = nil) {
        text = source
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

    // MARK: RCU-protected lists

    /// For each unlink of a tracked object from an RCU list (`hlist_del_rcu(&x->list)`) or
    /// table (`table->table[x->id] = NULL`, `RCU_INIT_POINTER(table->table[x->id], NULL)`): does
    /// some path from it put x before a grace period? Then a reader that found x through the list
    /// may see its count at zero, and only a try-get is safe. percpu_ref_kill() drops the initial
    /// reference after a sched-RCU grace period, which covers rcu_read_lock() readers only since
    /// the RCU flavours were consolidated (4.20).
    mutating func inferRCUUnlinks() {
        for name in order {
            guard let g = graphs[name] else { continue }
            for (bi, block) in g.blocks.enumerated() {
                for (i, e) in block.events.enumerated() {
                    guard let object = unlinkedObject(e, in: g), let t = type(of: AccessPath(root: object), in: g),
                        trackedTypes[t] != nil
                    else { continue }
                    guard let put = putBeforeGracePeriod(from: bi, index: i + 1, object: object, in: g) else {
                        if rcuUnlinks[t] == nil {
                            rcuUnlinks[t] = (
                                true,
                                Evidence(
                                    source: .inferred, function: name, line: e.line,
                                    detail: "\(e.text), no put before a grace period")
                            )
                        }
                        continue
                    }
                    if rcuUnlinks[t]?.graceful != false {
                        let how =
                            KernelFunctions.killingAfterSchedGracePeriod.contains(put.callee ?? "")
                            ? "with only the sched-RCU grace period of percpu_ref_kill() between, which does not wait for rcu_read_lock() readers before Linux 4.20"
                            : "with no grace period between"
                        rcuUnlinks[t] = (
                            false,
                            Evidence(
                                source: .inferred, function: name, line: e.line,
                                detail: "\(e.text) then \(put.text) at line \(put.line) \(how)")
                        )
                    }
                }
            }
        }
    }

    /// The tracked object an event takes out of an RCU-protected list or table, if it does.
    func unlinkedObject(_ e: Event, in g: FlowGraph) -> String? {
        if e.kind == .call, let c = e.callee, KernelFunctions.rcuUnlinking.contains(c),
            let (object, _) = FileModel.fieldOf(e.arguments?.first)
        {
            return object.root
        }
        // A table slot cleared: the object is the tracked variable that indexes it.
        var slot: String?
        if e.kind == .call, KernelFunctions.rcuPublishing.contains(e.callee ?? ""),
            let args = e.arguments, args.count == 2, args[1].text == "NULL"
        {
            slot = args[0].text
        } else if e.kind == .assignment, e.value == "NULL", let text = e.text.components(separatedBy: "=").first {
            slot = text
        }
        guard let slot, let open = slot.firstIndex(of: "[") else { return nil }
        return FileModel.memberReferences(in: String(slot[open...])).map(\.0.root).first {
            isTracked(AccessPath(root: $0), in: g)
        }
    }

    /// The first put of `object` reachable from (block, index) without passing a grace period.
    func putBeforeGracePeriod(from block: Int, index: Int, object: String, in g: FlowGraph) -> Event? {
        func isPut(_ e: Event) -> Bool {
            guard e.kind == .call, let c = e.callee else { return false }
            let args = e.arguments ?? []
            if let role = roles[c], role.kind == .put, args[safe: role.parameter]?.path == AccessPath(root: object) {
                return true
            }
            guard let (o, f) = FileModel.fieldOf(args.first), o.root == object,
                refcountFields.values.contains(where: { $0.contains(f) })
            else { return false }
            if KernelFunctions.killingAfterSchedGracePeriod.contains(c) { return !schedGracePeriodWaitsForRCUReaders }
            return KernelFunctions.decrementAndTest.contains(c) || KernelFunctions.putWithRelease.contains(c)
                || KernelFunctions.putWithRegisteredRelease.contains(c)
        }
        var stack: [(Int, Int)] = [(block, index)]
        var seen: Set<Int> = []
        while let (b, start) = stack.popLast() {
            var stopped = false
            for e in g.blocks[b].events[start...] {
                if e.kind == .call, KernelFunctions.freeingAfterGracePeriod.contains(e.callee ?? "") {
                    stopped = true
                    break
                }
                if isPut(e) { return e }
            }
            if stopped { continue }
            for s in g.blocks[b].successors where seen.insert(s.target).inserted { stack.append((s.target, 0)) }
        }
        return nil
    }

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
                if KernelFunctions.sleeping.contains(callee) { direct.append(.sleeps) }
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

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
