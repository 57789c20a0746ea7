/// rcu-accessor: a plain load or store of an RCU-protected pointer.
public struct RCUAccessor: Rule {
    public static let id = "rcu-accessor"
    public static let summary = "a plain load or store of an RCU-protected pointer"
    public static let rationale = """
        A pointer that readers load inside RCU read-side sections while writers replace it is \
        RCU-protected (Documentation/RCU/rcu_dereference.rst, whatisRCU.rst): readers load it \
        with rcu_dereference() (an acquire load or READ_ONCE() where the code documents why), \
        writers publish with rcu_assign_pointer() (RCU_INIT_POINTER() for NULL or an object no \
        reader can see yet), and the update side, holding the writers' lock, reads it with \
        rcu_dereference_protected() or tests it with rcu_access_pointer(). A plain store lets \
        the compiler and the CPU make the pointer visible before the object's initialisation; a \
        plain load may be torn, refetched or speculated past the section's start. A field is \
        taken as RCU-protected when a structure of the file declares it __rcu, when the file \
        itself accesses it with an RCU accessor, or when it is read inside a read-side section \
        through a pointer found by rcu_dereference() without the lock its writers hold — what \
        sparse reports only for fields annotated __rcu, inferred. A warning: the access is a \
        data race and a portability bug before it is a crash.
        """
    public static let exampleContext = ExampleContext.lifetime + ExampleContext.slots
    public static let triggering = [
        """
        struct ctx *slot_find(struct slots *s, int id)
        {
        	struct slot_table *t;
        	struct ctx *ctx = NULL;

        	rcu_read_lock();
        	t = rcu_dereference(s->table);
        	if (t && id < t->nr)
        		↓ctx = t->ctxs[id];	/* plain load of a pointer writers publish */
        	rcu_read_unlock();
        	return ctx;
        }
        """
    ]
    public static let nonTriggering = [
        """
        struct ctx *slot_find(struct slots *s, int id)
        {
        	struct slot_table *t;
        	struct ctx *ctx = NULL;

        	rcu_read_lock();
        	t = rcu_dereference(s->table);
        	if (t && id < t->nr)
        		ctx = rcu_dereference(t->ctxs[id]);
        	rcu_read_unlock();
        	return ctx;
        }

        void slot_clear(struct slots *s, int id)
        {
        	struct slot_table *t;

        	spin_lock(&s->lock);
        	t = rcu_dereference_protected(s->table, lockdep_is_held(&s->lock));
        	if (rcu_access_pointer(t->ctxs[id]))
        		RCU_INIT_POINTER(t->ctxs[id], NULL);
        	spin_unlock(&s->lock);
        }
        """
    ]

    public static let firstPerObject = true

    public init() {}

    public func check(_ p: ProgramPoint) -> [Finding] {
        let e = p.event
        // A field read or written through a variable (`t->ctxs`), or an element stored into.
        var target: (object: String, type: String, field: String)?
        if e.kind == .dereference, let o = e.path, o.isVariable, let f = e.field,
            let t = p.model.type(of: o, in: p.graph)
        {
            target = (o.root, t, f)
        } else if e.kind == .assignment, let f = p.model.pointerField(e.path, in: p.graph), f.isArray {
            target = (f.object, f.type, f.field)
        }
        guard let (object, type, field) = target, let pointer = p.model.rcuPointers["\(type).\(field)"],
            let line = p.model.lines[safe: e.line - 1],
            let access = PlainAccess.find("\(object)->\(field)", array: pointer.isArray, in: line)
        else { return [] }
        // A store into an object this function allocated, or publishes later: no reader can see
        // it yet, and RCU_INIT_POINTER() is a plain store there.
        if access.stored != nil, Self.unpublished(object, at: e.line, p.graph) { return [] }
        let written = pointer.isArray ? "\(object)->\(field)[]" : "\(object)->\(field)"
        let key = "\(type).\(field)"
        let fn = p.graph.function
        let writersLock = pointer.writerLock.flatMap { lock in
            let name = AccessPath.parse(lock).lockName
            return p.heldLocks.first { AccessPath.parse($0.lock).lockName == name }?.lock
        }
        let message: String
        if let stored = access.stored {
            message =
                stored == "NULL"
                ? "\(access.text) clears \(written), an RCU-protected pointer, with a plain store: use RCU_INIT_POINTER()"
                : "\(access.text) publishes \(written), an RCU-protected pointer, with a plain store: use rcu_assign_pointer() (RCU_INIT_POINTER() for NULL or an object no reader can see yet)"
        } else if p.state.rcuDepth > 0, writersLock == nil {
            message =
                "\(access.text) loads \(written), an RCU-protected pointer, with a plain load inside an RCU read-side section: load it with rcu_dereference()"
        } else {
            let side = writersLock.map { "under \($0), which its writers hold" } ?? "outside any RCU read-side section"
            message =
                "\(access.text) loads \(written), an RCU-protected pointer, with a plain load \(side): use rcu_dereference_protected(), or rcu_access_pointer() to test it"
        }
        var witness: [WitnessStep] = []
        let why = pointer.evidence
        witness.append(
            WitnessStep(
                line: why.line ?? p.graph.line, column: 1, function: why.function ?? fn,
                message: "\(type).\(field) is RCU-protected: \(why.detail)"))
        if let w = pointer.writer, w.line != e.line || w.function != fn {
            let lock = pointer.writerLock.map { " (holding \($0))" } ?? ""
            witness.append(
                WitnessStep(
                    line: w.line ?? p.graph.line, column: 1, function: w.function ?? fn,
                    message: "\(w.detail) stores it\(lock)"))
        }
        witness.append(
            WitnessStep(
                line: e.line, column: e.column, function: fn,
                message: access.stored == nil ? "\(access.text) loads it plainly" : "\(access.text) stores it plainly"))
        return [
            Finding(
                rule: Self.id, severity: .warning, file: p.file, function: fn, line: e.line, column: e.column,
                message: message, object: key, statement: Normalise.statement(access.text), witness: witness)
        ]
    }
}

extension RCUAccessor {
    /// Whether the function assigns the variable a fresh allocation, or publishes it after `line`
    /// (`rcu_assign_pointer(*head, new)`, `list_add_rcu(&new->list, head)`).
    static func unpublished(_ variable: String, at line: Int, _ g: FlowGraph) -> Bool {
        g.allEvents.contains { e in
            if e.kind == .assignment, e.path == AccessPath(root: variable) {
                return KernelFunctions.allocating.contains(e.callee ?? "")
            }
            guard e.kind == .call, e.line > line, let c = e.callee,
                KernelFunctions.rcuPublishing.contains(c) || KernelFunctions.rcuLinking.contains(c)
            else { return false }
            return (e.arguments ?? []).contains { $0.path?.root == variable }
        }
    }
}

/// A plain access of `x->f` (or of an element `x->f[i]`) in a line of C: not inside an RCU
/// accessor or a marked access, not its address, not sizeof/typeof, not in a comment.
enum PlainAccess {
    struct Access {
        /// The access as written: `t->ctxs[id]`, or the whole store `t->ctxs[id] = ctx`.
        var text: String
        /// What a store stores; nil for a load.
        var stored: String?
    }

    static let exempt: Set<String> =
        KernelFunctions.rcuAccessors.union(KernelFunctions.markedAccesses).union([
            "sizeof", "typeof", "__typeof__", "offsetof", "ARRAY_SIZE",
        ])

    static func find(_ member: String, array: Bool, in rawLine: Substring) -> Access? {
        let line = Array(stripComments(rawLine))
        let pattern = Array(member)
        var i = 0
        while i + pattern.count <= line.count {
            defer { i += 1 }
            guard Array(line[i..<(i + pattern.count)]) == pattern else { continue }
            let before = i > 0 ? line[i - 1] : " "
            if before.isLetter || before.isNumber || before == "_" || before == ">" || before == "." { continue }
            var end = i + pattern.count
            if end < line.count, line[end].isLetter || line[end].isNumber || line[end] == "_" { continue }
            if array {
                guard end < line.count, line[end] == "[", let close = matching(line, from: end, "[", "]") else {
                    continue
                }
                end = close + 1
            }
            // Its address (`&x->f`, `&x->f[i]`) is not a load of the pointer.
            var k = i - 1
            while k >= 0, line[k] == " " || line[k] == "(" { k -= 1 }
            if k >= 0, line[k] == "&", !(k > 0 && line[k - 1] == "&") { continue }
            if insideExemptCall(line, at: i) { continue }
            let text = String(line[i..<end])
            // A store: `x->f[i] = v` (not `==`).
            var j = end
            while j < line.count, line[j] == " " { j += 1 }
            if j + 1 < line.count, line[j] == "=", line[j + 1] != "=" {
                let value = String(line[(j + 1)...]).trimmingCharacters(in: .whitespaces)
                let stored =
                    value.hasSuffix(";") ? String(value.dropLast()).trimmingCharacters(in: .whitespaces) : value
                return Access(text: "\(text) = \(stored)", stored: stored)
            }
            return Access(text: text, stored: nil)
        }
        return nil
    }

    /// Whether position `at` is inside the parentheses of a call of an exempt name.
    static func insideExemptCall(_ line: [Character], at: Int) -> Bool {
        var depth = 0
        var k = at - 1
        while k >= 0 {
            if line[k] == ")" { depth += 1 }
            if line[k] == "(" {
                if depth == 0 {
                    var n = k - 1
                    while n >= 0, line[n] == " " { n -= 1 }
                    var start = n
                    while start >= 0, line[start].isLetter || line[start].isNumber || line[start] == "_" { start -= 1 }
                    if n > start, exempt.contains(String(line[(start + 1)...n])) { return true }
                } else {
                    depth -= 1
                }
            }
            k -= 1
        }
        return false
    }

    static func matching(_ line: [Character], from: Int, _ open: Character, _ close: Character) -> Int? {
        var depth = 0
        for k in from..<line.count {
            if line[k] == open { depth += 1 }
            if line[k] == close {
                depth -= 1
                if depth == 0 { return k }
            }
        }
        return nil
    }

    static func stripComments(_ line: Substring) -> String {
        var out = ""
        var rest = line
        while let start = rest.range(of: "/*") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "*/") else { return out }
            rest = rest[end.upperBound...]
        }
        if let slash = rest.range(of: "//") { rest = rest[..<slash.lowerBound] }
        return out + rest
    }
}
