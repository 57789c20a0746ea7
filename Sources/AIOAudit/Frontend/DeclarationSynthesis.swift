import Foundation

/// Declarations synthesised from the parser's complaints.
///
/// Twenty years of kernel headers do not fit in a hand-written prelude, and libclang drops whole
/// statements that mention undeclared names. So the parser is asked what is missing — unknown type
/// names, undeclared identifiers, members a structure lacks, incomplete structures, structures the
/// file defines itself — and the prelude is completed in memory until nothing of that kind remains.
/// The synthesised declarations only have to let the code parse: the analysis reads names and
/// shapes, never sizes.
struct DeclarationSynthesis {
    /// Members to add to a structure: tag -> member declarations, in the order they were learnt.
    private(set) var members: [String: [String]] = [:]
    /// Structures to define because the file uses them with members or by value.
    private(set) var structures: [String] = []
    /// Prelude structures the file defines itself (a later era's fs/aio.c defines struct kioctx).
    private(set) var droppedStructures: Set<String> = []
    /// Prelude function declarations the file contradicts.
    private(set) var droppedFunctions: Set<String> = []
    /// Functions the file uses before defining them, declared ahead as it defines them.
    private(set) var forwardDeclarations: [String] = []
    /// Prelude functions called with another number of arguments (the API changed between eras):
    /// declared without a prototype.
    private(set) var unprototyped: Set<String> = []
    private(set) var typeNames: [String] = []
    /// Prelude declarations of names the file uses in an older shape (`ktime_t` as a union).
    private(set) var alternatives: Set<String> = []
    private(set) var identifiers: [String] = []
    /// How each identifier is used where the parser first complained: its declared type.
    private var identifierTypes: [String: (prefix: String, suffix: String)] = [:]
    private var known: Set<String> = []
    /// Names the prelude declares in two shapes (`ktime_t`, `mm_struct.ioctx_list`).
    /// Worked out when first needed: most files never need it.
    private var alternativeNames: Set<String>?
    private let prelude: String

    init(prelude: String = "") {
        self.prelude = prelude
    }

    static func alternativeNames(in prelude: String) -> Set<String> {
        var names: Set<String> = []
        for line in Lines.of(prelude, keepingEmpty: false) where Words.occurs("aio-audit", in: line) {
            guard let marker = line.range(of: " /* aio-audit alternative: ") else { continue }
            if let name = DeclarationSynthesis.declaredName(line[..<marker.lowerBound]) { names.insert(name) }
        }
        return names
    }

    /// The identifier a one-line declaration declares: the last identifier before its `;`.
    static func declaredName(_ declaration: Substring) -> String? {
        let body = declaration.trimmingCharacters(in: .whitespaces)
        guard body.hasSuffix(";") else { return nil }
        let name = body.dropLast().reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : String(name.reversed())
    }

    var isEmpty: Bool {
        known.isEmpty && droppedStructures.isEmpty && droppedFunctions.isEmpty && alternatives.isEmpty
            && unprototyped.isEmpty
    }

    /// One line per synthesised declaration, for `--verbose` and the JSON output.
    var summary: [String] {
        var lines: [String] = []
        for s in droppedStructures.sorted() { lines.append("struct \(s): defined by the file, prelude's dropped") }
        for f in droppedFunctions.sorted() {
            lines.append("function \(f): declared otherwise by the file, prelude's dropped")
        }
        for a in alternatives.sorted() { lines.append("\(a): the older declaration") }
        for f in unprototyped.sorted() { lines.append("function \(f): called with other arguments, unprototyped") }
        for t in typeNames { lines.append("type \(t)") }
        for s in structures { lines.append("struct \(s)") }
        for (tag, list) in members.sorted(by: { $0.key < $1.key }) {
            for m in list { lines.append("member struct \(tag).\(m)") }
        }
        for i in identifiers { lines.append("identifier \(i)") }
        return lines
    }

    /// Learns from one round of diagnostics; returns whether anything new was learnt.
    mutating func learn(
        from diagnostics: [ParseDiagnostic], mainFile: String, source: [UInt8], lineStarts: [Int]
    ) -> Bool {
        var changed = false
        // A structure the file defines itself clashes with the prelude's, and every complaint about
        // its members in the same round comes from that clash: drop it and learn the rest later.
        for d in diagnostics where d.severity == "error" && d.file == mainFile && d.message.hasPrefix("redefinition of")
        {
            if let name = DeclarationSynthesis.quotedNames(in: d.message).first, !droppedStructures.contains(name) {
                droppedStructures.insert(name)
                changed = true
            }
        }
        // A function the file defines in its own way (static where the prelude's is not, or with
        // other types, as 2.6's use_mm): the prelude's declaration goes.
        for d in diagnostics
        where d.severity == "error" && d.file == mainFile
            && (d.message.hasPrefix("static declaration of") || d.message.hasPrefix("conflicting types for")
                || d.message.hasPrefix("non-static declaration of"))
        {
            guard let name = DeclarationSynthesis.quotedNames(in: d.message).first, !droppedFunctions.contains(name)
            else {
                continue
            }
            droppedFunctions.insert(name)
            changed = true
            // Used before its definition, the function was declared implicitly (returning int):
            // declare it as the definition does, from the definition's line.
            if d.message.hasPrefix("conflicting types for"),
                let prefix = DeclarationSynthesis.returnType(
                    of: name, onLine: d.line, source: source, lineStarts: lineStarts)
            {
                forwardDeclarations.append("\(prefix) \(name)();")
            }
        }
        if changed { return true }
        for d in diagnostics where d.severity == "error" && d.file == mainFile {
            let m = d.message
            let quoted = DeclarationSynthesis.quotedNames(in: m)
            if m.hasPrefix("unknown type name"), let name = quoted.first {
                if add("type:\(name)") {
                    typeNames.append(name)
                    changed = true
                }
            } else if m.hasPrefix("use of undeclared identifier"), let name = quoted.first {
                if add("id:\(name)") {
                    identifiers.append(name)
                    let type = DeclarationSynthesis.memberType(
                        tag: "id", member: name, source: source, lineStarts: lineStarts, line: d.line,
                        column: d.column)
                    identifierTypes[name] = (type.prefix, type.suffix)
                    ensureStructure(type.needs)
                    changed = true
                }
            } else if m.hasPrefix("no member named"), quoted.count >= 2,
                let tag = DeclarationSynthesis.structTag(quoted[1])
            {
                let member = quoted[0]
                let type = DeclarationSynthesis.memberType(
                    tag: tag, member: member, source: source, lineStarts: lineStarts, line: d.line, column: d.column)
                if add("member:\(tag).\(member)") {
                    members[tag, default: []].append("\(type.prefix)\(member)\(type.suffix)")
                    ensureStructure(type.needs)
                    changed = true
                }
            } else if m.hasPrefix("field designator"), m.contains("does not refer to any field"), quoted.count >= 2,
                let tag = DeclarationSynthesis.structTag(quoted[1])
            {
                // `.read_folio = aio_read_folio` in an operations table the prelude knows older.
                if add("member:\(tag).\(quoted[0])") {
                    members[tag, default: []].append("void *\(quoted[0])")
                    changed = true
                }
            } else if m.hasPrefix("too many arguments to function call")
                || m.hasPrefix("too few arguments to function call"),
                let name = DeclarationSynthesis.callee(
                    enclosing: d.line, column: d.column, source: source, lineStarts: lineStarts),
                !unprototyped.contains(name)
            {
                unprototyped.insert(name)
                changed = true
            } else if m.hasPrefix("incomplete definition of type") || m.contains("has incomplete type")
                || m.hasPrefix("invalid application of 'sizeof' to an incomplete type")
                || m.hasPrefix("incomplete type")
            {
                for q in quoted {
                    if let tag = DeclarationSynthesis.structTag(q) {
                        let before = structures.count
                        ensureStructure(tag)
                        changed = changed || structures.count != before
                    }
                }
            } else if m.hasPrefix("designator in initializer for scalar type")
                || m.hasPrefix("member reference base type"), let name = quoted.first,
                !alternatives.contains(name)
            {
                alternatives.insert(name)
                changed = true
            } else if let name = alternativeUsed(onLine: d.line, source: source, lineStarts: lineStarts) {
                // A type mismatch on a line that uses a name the prelude also knows in an older
                // shape: the file is of that older era.
                alternatives.insert(name)
                changed = true
            }
        }
        return changed
    }

    private mutating func alternativeUsed(onLine line: Int, source: [UInt8], lineStarts: [Int]) -> String? {
        if alternativeNames == nil { alternativeNames = Self.alternativeNames(in: prelude) }
        guard let alternativeNames, !alternativeNames.isEmpty, line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : source.count
        guard start < end, end <= source.count else { return nil }
        let text = String(decoding: source[start..<end], as: UTF8.self)
        var word = ""
        for ch in text + " " {
            if ch.isLetter || ch.isNumber || ch == "_" {
                word.append(ch)
            } else {
                if alternativeNames.contains(word), !alternatives.contains(word) { return word }
                word = ""
            }
        }
        return nil
    }

    private mutating func add(_ key: String) -> Bool {
        known.insert(key).inserted
    }

    private mutating func ensureStructure(_ tag: String?) {
        guard let tag, !known.contains("struct:\(tag)") else { return }
        known.insert("struct:\(tag)")
        structures.append(tag)
    }

    /// The prelude with the structures the file defines itself removed and learnt members added,
    /// followed by the synthesised declarations.
    func complete(prelude: String) -> String {
        // Nothing learnt (the usual case): the prelude as it is.
        if isEmpty { return prelude }
        var out = ""
        out.reserveCapacity(prelude.utf8.count + 4096)
        var skipping = false
        var skippingPrototype = false
        var current: String?
        var definedInPrelude: Set<String> = []
        for var line in Lines.of(prelude) {
            if skippingPrototype {
                if line.hasSuffix(";") { skippingPrototype = false }
                continue
            }
            if current == nil, !skipping, !droppedFunctions.isEmpty,
                let name = DeclarationSynthesis.prototypeName(line),
                droppedFunctions.contains(name)
            {
                skippingPrototype = !line.hasSuffix(";")
                continue
            }
            if current == nil, !skipping, !unprototyped.isEmpty, line.hasSuffix(");"),
                let name = DeclarationSynthesis.prototypeName(line), unprototyped.contains(name),
                let open = line.range(of: "\(name)(")
            {
                out += line[..<open.upperBound] + ");\n"
                continue
            }
            if Words.occurs("aio-audit", in: line), let marker = line.range(of: " /* aio-audit alternative: ") {
                let declaration = line[..<marker.lowerBound]
                if let name = DeclarationSynthesis.declaredName(declaration), alternatives.contains(name) {
                    line = line[marker.upperBound...].dropLast(" */".count)
                }
            }
            if current == nil, !skipping, let tag = DeclarationSynthesis.definitionTag(line) {
                if droppedStructures.contains(tag) {
                    skipping = true
                    continue
                }
                current = tag
                definedInPrelude.insert(tag)
            }
            if line == "};" {
                if skipping {
                    skipping = false
                    continue
                }
                if let tag = current {
                    for m in members[tag] ?? [] { out += "    \(m);\n" }
                    current = nil
                }
            }
            if skipping { continue }
            out += line
            out += "\n"
        }
        out += "\n/* synthesised from the parser's diagnostics */\n"
        for f in forwardDeclarations { out += f + "\n" }
        for t in typeNames {
            out += "typedef struct __aio_audit_\(t) \(t);\n"
            if !definedInPrelude.contains("__aio_audit_\(t)") {
                out += "struct __aio_audit_\(t) {\n    long __aio_audit_pad;\n"
                for m in members["__aio_audit_\(t)"] ?? [] { out += "    \(m);\n" }
                out += "};\n"
            }
        }
        for s in structures where !definedInPrelude.contains(s) && !droppedStructures.contains(s) {
            out += "struct \(s) {\n    long __aio_audit_pad;\n"
            for m in members[s] ?? [] { out += "    \(m);\n" }
            out += "};\n"
        }
        for (tag, list) in members.sorted(by: { $0.key < $1.key })
        where !definedInPrelude.contains(tag) && !structures.contains(tag)
            && !typeNames.contains(where: { "__aio_audit_\($0)" == tag }) && !droppedStructures.contains(tag)
        {
            out += "struct \(tag) {\n    long __aio_audit_pad;\n"
            for m in list { out += "    \(m);\n" }
            out += "};\n"
        }
        for (n, i) in identifiers.enumerated() {
            let type = identifierTypes[i] ?? ("long ", "")
            if type.prefix == "long ", type.suffix.isEmpty,
                i.first?.isUppercase == true || i.hasPrefix("__") && i.dropFirst(2).first?.isUppercase == true
            {
                // Constants are upper-case by kernel convention; distinct enumerators work in
                // `case` labels.
                out += "enum { \(i) = \(4096 + n) };\n"
            } else {
                out += "extern \(type.prefix)\(i)\(type.suffix);\n"
            }
        }
        return out
    }

    // MARK: Reading diagnostics

    static func quotedNames(in message: String) -> [String] {
        var names: [String] = []
        var current: String?
        for ch in message {
            if ch == "'" {
                if let c = current {
                    names.append(c)
                    current = nil
                } else {
                    current = ""
                }
            } else if current != nil {
                current!.append(ch)
            }
        }
        return names
    }

    /// The function whose call's parentheses enclose (line, column): the identifier before the
    /// nearest unclosed `(` to the left on that line.
    static func callee(enclosing line: Int, column: Int, source: [UInt8], lineStarts: [Int]) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var i = min(start + max(column - 1, 0), source.count) - 1
        var depth = 0
        while i >= start {
            let b = source[i]
            if b == UInt8(ascii: ")") { depth += 1 }
            if b == UInt8(ascii: "(") {
                if depth == 0 { break }
                depth -= 1
            }
            i -= 1
        }
        guard i >= start else { return nil }
        var j = i
        while j > start, source[j - 1] == UInt8(ascii: " ") { j -= 1 }
        var k = j
        while k > start, isIdentifierByte(source[k - 1]) { k -= 1 }
        guard k < j else { return nil }
        return String(decoding: source[k..<j], as: UTF8.self)
    }

    /// `struct kioctx` -> kioctx; `struct kioctx *` -> kioctx; a typedef name -> the synthesised tag.
    static func structTag(_ type: String) -> String? {
        var t = type
        if let aka = t.range(of: " (aka ") { t = String(t[..<aka.lowerBound]) }
        t = t.replacingOccurrences(of: "const ", with: "").replacingOccurrences(of: "volatile ", with: "")
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: " *"))
        if t.hasPrefix("struct ") { return String(t.dropFirst("struct ".count)) }
        if t.hasPrefix("union ") { return nil }
        if t.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !t.isEmpty { return "__aio_audit_\(t)" }
        return nil
    }

    /// The words before `name(` on a definition's line (`void fastcall`), when they read as a
    /// return type.
    static func returnType(of name: String, onLine line: Int, source: [UInt8], lineStarts: [Int]) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : source.count
        let text = String(decoding: source[start..<end], as: UTF8.self)
        guard let r = text.range(of: name + "(") else { return nil }
        let prefix = text[..<r.lowerBound].replacingOccurrences(of: "inline ", with: "").trimmingCharacters(
            in: .whitespaces)
        guard !prefix.isEmpty, prefix.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == " " || $0 == "*" })
        else {
            return nil
        }
        return prefix
    }

    /// The function a column-0 prototype declares: `void use_mm(struct mm_struct *mm);` -> use_mm.
    static func prototypeName(_ line: Substring) -> String? {
        guard let first = line.first, first.isLetter || first == "_", !line.hasPrefix("struct "),
            !line.hasPrefix("typedef "), !line.hasPrefix("enum "), !line.hasPrefix("union "),
            let paren = line.firstIndex(of: "(")
        else { return nil }
        let head = line[..<paren]
        let name = head.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !name.isEmpty, name.count < head.count else { return nil }
        return String(name.reversed())
    }

    /// `struct NAME {` at column 0 starts a prelude definition.
    static func definitionTag(_ line: Substring) -> String? {
        guard line.hasPrefix("struct "), line.hasSuffix(" {") else { return nil }
        let name = line.dropFirst("struct ".count).dropLast(2)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return String(name)
    }

    /// Guesses a member's type from how the source uses it: followed by `->` it points to a
    /// structure, by `.` it is one, otherwise an integer (which also serves as a flag or counter).
    static func memberType(
        tag: String, member: String, source: [UInt8], lineStarts: [Int], line: Int, column: Int
    ) -> (prefix: String, suffix: String, needs: String?) {
        guard line >= 1, line <= lineStarts.count else { return ("long ", "", nil) }
        var i = lineStarts[line - 1] + column - 1
        // Skip the member's own name.
        while i < source.count, DeclarationSynthesis.isIdentifierByte(source[i]) { i += 1 }
        while i < source.count, source[i] == 0x20 || source[i] == 0x09 { i += 1 }
        let nested = "__aio_audit_\(tag)_\(member)"
        if i + 1 < source.count, source[i] == UInt8(ascii: "-"), source[i + 1] == UInt8(ascii: ">") {
            return ("struct \(nested) *", "", nested)
        }
        if i < source.count, source[i] == UInt8(ascii: "."), i + 1 < source.count,
            DeclarationSynthesis.isIdentifierByte(source[i + 1])
        {
            return ("struct \(nested) ", "", nested)
        }
        if i < source.count, source[i] == UInt8(ascii: "(") {
            return ("long (*", ")()", nil)
        }
        if i < source.count, source[i] == UInt8(ascii: "[") {
            return ("long ", "[1]", nil)
        }
        return ("long ", "", nil)
    }

    static func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }
}
