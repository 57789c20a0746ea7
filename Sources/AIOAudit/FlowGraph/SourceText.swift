/// Prints syntax back as compact C, for event texts and conditions: `really_put_req(ctx, req)`.
extension Expr {
    public var sourceText: String {
        switch kind {
        case .name(let n): return n
        case .literal(let l): return l
        case .call(let callee, let calleeExpr, let args, _):
            let head = callee ?? calleeExpr.map { "(\($0.sourceText))" } ?? "?"
            return head + "(" + args.map(\.sourceText).joined(separator: ", ") + ")"
        case .member(let base, let field, let arrow):
            return base.sourceText + (arrow ? "->" : ".") + field
        case .subscriptAccess(let base, let index):
            return "\(base.sourceText)[\(index.sourceText)]"
        case .unary(let op, let operand, let postfix):
            return postfix ? operand.sourceText + op : op + operand.sourceText
        case .binary(let op, let lhs, let rhs):
            return "\(lhs.sourceText) \(op) \(rhs.sourceText)"
        case .assign(let op, let target, let value):
            return "\(target.sourceText) \(op) \(value.sourceText)"
        case .conditional(let c, let t, let f):
            return "\(c.sourceText) ? \(t.sourceText) : \(f.sourceText)"
        case .cast(let type, let operand):
            return "(\(type))\(operand.sourceText)"
        case .statementExpression:
            return "({...})"
        case .initializerList(let items):
            return "{" + items.map(\.sourceText).joined(separator: ", ") + "}"
        case .other(let text, let children):
            if children.isEmpty { return text }
            return text + "(" + children.map(\.sourceText).joined(separator: ", ") + ")"
        }
    }
}

/// A finding's statement as it is written at its place, which is what its identity must follow.
///
/// Events are printed back from the syntax, and the syntax of a macro the file defines is its
/// expansion: `put_ioctx(ctx)` written as a macro is the event `atomic_dec_and_test(&ctx->users)`.
/// When the same put becomes a function, the event is the call as written. Reading the invocation
/// from the source makes both versions the same finding, so a patch that only turns a macro into a
/// function neither fixes nor introduces it.
public enum WrittenStatement {
    /// The longest invocation read back (longer ones are left as printed).
    static let limit = 4096

    /// `printed` (a normalised statement: no whitespace) unless the source at (line, column) starts
    /// with another name followed by an argument list: then that invocation, normalised.
    public static func at(line: Int, column: Int, in lines: [Substring], printed: String) -> String {
        guard line >= 1, line <= lines.count, column >= 1 else { return printed }
        var bytes = Array(lines[line - 1].utf8.dropFirst(column - 1))
        guard let name = identifier(bytes), !startsWithName(printed, name) else { return printed }
        var next = line
        var out: [UInt8] = Array(name.utf8)
        var depth = 0
        var i = name.utf8.count
        while out.count < limit {
            if i == bytes.count {
                // An invocation may go on over the following lines.
                guard depth > 0 || out.count == name.utf8.count, next < lines.count else { break }
                bytes = Array(lines[next].utf8)
                next += 1
                i = 0
                continue
            }
            let b = bytes[i]
            i += 1
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x5C { continue }  // blank, or a line continuation
            if depth == 0 && b != 0x28 { break }  // no argument list follows the name
            out.append(b)
            if b == 0x28 { depth += 1 }
            if b == 0x29 {
                depth -= 1
                if depth == 0 { return String(decoding: out, as: UTF8.self) }
            }
        }
        return printed
    }

    /// The column of the line's first character that is not blank (1 for a blank line).
    public static func firstColumn(line: Int, in lines: [Substring]) -> Int {
        guard line >= 1, line <= lines.count else { return 1 }
        var column = 1
        for b in lines[line - 1].utf8 {
            guard b == 0x20 || b == 0x09 else { return column }
            column += 1
        }
        return 1
    }

    static func isNameByte(_ b: UInt8, first: Bool) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || (!first && b >= 0x30 && b <= 0x39)
    }

    /// The C name the bytes start with.
    static func identifier(_ bytes: [UInt8]) -> String? {
        var end = 0
        while end < bytes.count, isNameByte(bytes[end], first: end == 0) { end += 1 }
        return end == 0 ? nil : String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Whether the statement starts with this whole name (the source spells what was printed).
    static func startsWithName(_ statement: String, _ name: String) -> Bool {
        guard statement.hasPrefix(name) else { return false }
        let rest = statement.utf8.dropFirst(name.utf8.count)
        return rest.first.map { !isNameByte($0, first: false) } ?? true
    }
}
