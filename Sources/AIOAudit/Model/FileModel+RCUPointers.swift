import Foundation

/// RCU-protected pointer fields: which fields readers load under RCU while writers publish them,
/// so that every access must go through the RCU accessors. sparse knows a field is one only when
/// it is declared `__rcu` and the tree is checked with `__CHECKER__`; here the file's own code
/// says so too.
public struct RCUPointer: Sendable {
    /// `struct kioctx_table`'s `table` is an array of pointers: its elements are the pointers.
    public var isArray: Bool
    /// Why the field is RCU-protected: declared `__rcu`, accessed with an RCU accessor, or loaded
    /// inside a read-side section through a pointer found by rcu_dereference().
    public var evidence: Evidence
    /// Where the file stores into it (a publication), if it does.
    public var writer: Evidence?
    /// The lock held where the file stores into it (as the storing function names it), if one is.
    public var writerLock: String?
}

extension FileModel {
    /// A `X->f` or `X->f[...]` path with X a variable of an object type: (X, f, isArray).
    func pointerField(_ path: AccessPath?, in g: FlowGraph) -> (
        object: String, type: String, field: String, isArray: Bool
    )? {
        guard var p = path else { return nil }
        var isArray = false
        while p.components.last?.name == "[]" {
            p.components.removeLast()
            isArray = true
        }
        guard p.components.count == 1, p.components[0].throughPointer, let name = p.components.first?.name,
            name != "*", let t = type(of: AccessPath(root: p.root), in: g)
        else { return nil }
        return (p.root, t, name, isArray)
    }

    /// Fields declared `__rcu` in the structures the file itself defines.
    static func declaredRCUFields(in text: String) -> [(type: String, field: String, line: Int, isArray: Bool)] {
        // `struct NAME { ... TYPE __rcu *FIELD[...]; ... }` (a body without nested braces), read
        // on the text's bytes: `__rcu` is a macro, gone from the parsed types.
        let bytes = Array(text.utf8)
        let marker = Array("__rcu".utf8)
        func isWord(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }
        var result: [(String, String, Int, Bool)] = []
        var line = 1
        var counted = 0
        var p = 0
        while p + marker.count <= bytes.count {
            guard bytes[p] == marker[0], bytes[p..<(p + marker.count)].elementsEqual(marker),
                p == 0 || !isWord(bytes[p - 1])
            else {
                p += 1
                continue
            }
            defer { p += marker.count }
            // `__rcu *FIELD` and an optional `[`.
            var q = p + marker.count
            while q < bytes.count, isSpace(bytes[q]) { q += 1 }
            guard q < bytes.count, bytes[q] == UInt8(ascii: "*") else { continue }
            q += 1
            while q < bytes.count, isSpace(bytes[q]) { q += 1 }
            let nameStart = q
            while q < bytes.count, isWord(bytes[q]) { q += 1 }
            guard q > nameStart else { continue }
            let field = String(decoding: bytes[nameStart..<q], as: UTF8.self)
            while q < bytes.count, isSpace(bytes[q]) { q += 1 }
            let isArray = q < bytes.count && bytes[q] == UInt8(ascii: "[")
            // Inside a struct body: `{` before it with no brace between, `}` after it likewise.
            var open = p - 1
            while open >= 0, bytes[open] != UInt8(ascii: "{"), bytes[open] != UInt8(ascii: "}") { open -= 1 }
            guard open >= 0, bytes[open] == UInt8(ascii: "{") else { continue }
            var close = q
            while close < bytes.count, bytes[close] != UInt8(ascii: "{"), bytes[close] != UInt8(ascii: "}") {
                close += 1
            }
            guard close < bytes.count, bytes[close] == UInt8(ascii: "}") else { continue }
            // `struct NAME` right before the `{`.
            var r = open - 1
            while r >= 0, isSpace(bytes[r]) { r -= 1 }
            let tagEnd = r + 1
            while r >= 0, isWord(bytes[r]) { r -= 1 }
            guard tagEnd > r + 1 else { continue }
            let tag = String(decoding: bytes[(r + 1)..<tagEnd], as: UTF8.self)
            while r >= 0, isSpace(bytes[r]) { r -= 1 }
            guard r >= 5, bytes[(r - 5)...r].elementsEqual("struct".utf8), r < 6 || !isWord(bytes[r - 6]) else {
                continue
            }
            while counted < p {
                if bytes[counted] == 0x0A { line += 1 }
                counted += 1
            }
            result.append((tag, field, line, isArray))
        }
        return result
    }

    /// Infers the RCU-protected pointer fields (`type.field`) and where each is written.
    mutating func inferRCUPointers() {
        var found: [String: RCUPointer] = [:]
        func note(_ key: String, isArray: Bool, _ evidence: Evidence) {
            if let type = key.split(separator: ".").first, KernelFunctions.dualUseLinkTypes.contains(String(type)) {
                return
            }
            if found[key] == nil {
                found[key] = RCUPointer(isArray: isArray, evidence: evidence)
            } else if isArray {
                found[key]?.isArray = true
            }
        }
        for d in Self.declaredRCUFields(in: text) {
            note(
                "\(d.type).\(d.field)", isArray: d.isArray,
                Evidence(
                    source: .inferred, function: nil, line: d.line, detail: "struct \(d.type) declares \(d.field) __rcu"
                ))
        }
        // Writers first (stores and publications), then readers, whose evidence depends on the
        // writers' lock.
        var writers: [String: (Evidence, AccessPath?)] = [:]
        var readers: [(key: String, isArray: Bool, function: String, line: Int, evidence: Evidence)] = []
        for name in order {
            guard let g = graphs[name] else { continue }
            let ordered = g.allEvents.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            var rcuDerived: Set<String> = []
            for e in ordered {
                if e.kind == .call, let c = e.callee, KernelFunctions.rcuAccessors.contains(c),
                    let f = pointerField(e.arguments?.first?.path, in: g)
                {
                    note(
                        "\(f.type).\(f.field)", isArray: f.isArray,
                        Evidence(source: .inferred, function: name, line: e.line, detail: "\(e.text) accesses it"))
                    if KernelFunctions.rcuPublishing.contains(c), writers["\(f.type).\(f.field)"] == nil {
                        writers["\(f.type).\(f.field)"] = (
                            Evidence(source: .inferred, function: name, line: e.line, detail: e.text),
                            lockHeld(at: e.line, in: g)
                        )
                    }
                }
                if e.kind == .assignment, let f = pointerField(e.path, in: g), writers["\(f.type).\(f.field)"] == nil {
                    writers["\(f.type).\(f.field)"] = (
                        Evidence(source: .inferred, function: name, line: e.line, detail: e.text),
                        lockHeld(at: e.line, in: g)
                    )
                }
                if e.kind == .assignment, let t = e.path, t.isVariable, let c = e.callee, KernelFunctions.isRCULookup(c)
                {
                    rcuDerived.insert(t.root)
                }
                // `ctx = table->table[id]` with table found by rcu_dereference(): a pointer read
                // under RCU through an RCU-protected container.
                if e.kind == .assignment, let target = e.path, target.isVariable,
                    (g.type(of: target.root) ?? "").contains("*"), e.callee == nil,
                    let (object, field, subscripted) = Self.loadedField(e.value ?? ""), rcuDerived.contains(object),
                    let t = type(of: AccessPath(root: object), in: g)
                {
                    readers.append(
                        (
                            "\(t).\(field)", subscripted, name, e.line,
                            Evidence(
                                source: .inferred, function: name, line: e.line,
                                detail: "\(e.text) reads it under RCU through \(object), found by rcu_dereference()")
                        ))
                }
            }
        }
        for r in readers {
            // A reader that holds the writers' lock is on the update side: that proves nothing.
            if let lock = writers[r.key]?.1?.lockName, let g = graphs[r.function],
                lockHeld(at: r.line, in: g)?.lockName == lock
            {
                continue
            }
            note(r.key, isArray: r.isArray, r.evidence)
        }
        for (key, w) in writers where found[key] != nil {
            found[key]?.writer = w.0
            found[key]?.writerLock = w.1?.description
        }
        rcuPointers = found
    }

    /// `table->table[id]` -> (table, table, true); `h->tbl` -> (h, tbl, false).
    static func loadedField(_ text: String) -> (object: String, field: String, subscripted: Bool)? {
        let t = text.filter { !$0.isWhitespace }
        guard let arrow = t.range(of: "->") else { return nil }
        let object = String(t[..<arrow.lowerBound])
        var rest = t[arrow.upperBound...]
        let field = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        rest = rest.dropFirst(field.count)
        guard !object.isEmpty, object.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !field.isEmpty else {
            return nil
        }
        if rest.isEmpty { return (object, field, false) }
        guard rest.first == "[", rest.last == "]", !rest.dropFirst().contains("[") else { return nil }
        return (object, field, true)
    }

    /// The innermost lock held at a line of a function (as the function names it), by the order
    /// of its lock and unlock statements.
    func lockHeld(at line: Int, in g: FlowGraph) -> AccessPath? {
        var held: [AccessPath] = []
        for e in g.allEvents.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) where e.line <= line {
            guard let path = e.path else { continue }
            let name = path.lockName
            if e.kind == .lock { held.append(path) }
            if e.kind == .unlock, let i = held.lastIndex(where: { $0.lockName == name }) {
                held.remove(at: i)
            }
        }
        return held.last
    }
}
