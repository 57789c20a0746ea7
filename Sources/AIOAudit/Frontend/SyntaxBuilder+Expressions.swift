import CClang
import Foundation

/// Expressions: libclang's expression cursors read into the project's syntax, with the macros the
/// kernel calls through read as calls (see SyntaxBuilder).
extension Walker {
    // MARK: Expressions

    mutating func expression(_ c: ClangCursor, excluding: Int?) -> Expr {
        let (range, pos) = lexicon.locate(c)
        depth += 1
        defer { depth -= 1 }
        if depth > SyntaxBuilder.maximumNesting {
            if tooDeep == nil { tooDeep = pos }
            return Expr(.other("too deep", []), at: pos)
        }
        if let range, range.start != excluding, let m = lexicon.macros[range.start] {
            if m.hasArgumentList {
                if range.end <= m.range.end { return macroCall(m, cursor: c) }
            } else if range.start == m.range.start, range.end <= m.range.end {
                // An object-like macro (`current`, `NULL`, `EINVAL`) is read by its name.
                return Expr(.name(m.name), at: pos)
            }
        }
        let kind = c.kind
        switch kind {
        case CXCursor_UnexposedExpr, CXCursor_ParenExpr:
            let ch = c.children
            if ch.count == 1 { return expression(ch[0], excluding: excluding) }
            return Expr(.other("unexposed", ch.map { expression($0, excluding: nil) }), at: pos)
        case CXCursor_DeclRefExpr:
            return Expr(.name(c.spelling), at: pos)
        case CXCursor_IntegerLiteral:
            let result = clang_Cursor_Evaluate(c.raw)
            defer { if let result { clang_EvalResult_dispose(result) } }
            if let result, clang_EvalResult_getKind(result) == CXEval_Int {
                return Expr(.literal(String(clang_EvalResult_getAsLongLong(result))), at: pos)
            }
            return Expr(.literal(range.flatMap { lexicon.token(at: $0.start)?.text } ?? "?"), at: pos)
        case CXCursor_FloatingLiteral, CXCursor_CharacterLiteral, CXCursor_StringLiteral:
            return Expr(.literal(range.flatMap { lexicon.token(at: $0.start)?.text } ?? "\"\""), at: pos)
        case CXCursor_MemberRefExpr:
            let ch = c.children
            guard let baseCursor = ch.first else { return Expr(.name(c.spelling), at: pos) }
            let baseType = clang_getCanonicalType(clang_getCursorType(baseCursor.raw))
            let arrow = baseType.kind == CXType_Pointer
            return Expr(
                .member(base: expression(baseCursor, excluding: nil), field: c.spelling, arrow: arrow), at: pos)
        case CXCursor_CallExpr:
            let ch = c.children
            guard let calleeCursor = ch.first else { return Expr(.other("call", []), at: pos) }
            let calleeExpr = expression(calleeCursor, excluding: nil)
            var callee: String?
            if case .name(let n) = calleeExpr.kind { callee = n }
            var args: [Expr] = []
            let count = clang_Cursor_getNumArguments(c.raw)
            if count > 0 {
                for i in 0..<UInt32(count) {
                    args.append(expression(ClangCursor(raw: clang_Cursor_getArgument(c.raw, i)), excluding: nil))
                }
            }
            if let callee, KernelFunctions.transparentMacros.contains(callee), let first = args.first {
                // likely()/unlikely() declared as functions (or __builtin_expect): the value is
                // what the code branches on.
                return first
            }
            if let callee, isNoreturn(call: c, name: callee) { noreturn.insert(callee) }
            return Expr(
                .call(callee: callee, calleeExpr: callee == nil ? calleeExpr : nil, arguments: args, viaMacro: false),
                at: pos)
        case CXCursor_UnaryOperator:
            let ch = c.children
            guard let operandCursor = ch.first else { return Expr(.other("unary", []), at: pos) }
            let operand = expression(operandCursor, excluding: nil)
            var op = "?"
            var postfix = false
            let unaryOperators: Set<String> = ["++", "--", "!", "~", "-", "+", "*", "&"]
            // Where the expression was written, or, inside the body of a macro the file defines,
            // where it is spelled in the definition.
            let ranges = [
                (lexicon.range(of: c), lexicon.range(of: operandCursor)),
                (lexicon.spellingRange(of: c), lexicon.spellingRange(of: operandCursor)),
            ]
            for (whole, inner) in ranges where op == "?" {
                guard let whole, let inner else { continue }
                if whole.start < inner.start, let t = lexicon.token(at: whole.start), unaryOperators.contains(t.text) {
                    op = t.text
                } else if whole.end > inner.end {
                    let i = lexicon.tokenIndex(atOrAfter: whole.end) - 1
                    if i >= 0, i < lexicon.tokens.count,
                        lexicon.tokens[i].text == "++" || lexicon.tokens[i].text == "--"
                    {
                        op = lexicon.tokens[i].text
                        postfix = true
                    }
                }
            }
            if op == "?" {
                // LLVM 14 reports macro-body tokens at the invocation: the types still tell an
                // address-of from a dereference. (Other operators there stay unknown.)
                let resultKind = clang_getCanonicalType(clang_getCursorType(c.raw)).kind
                let operandKind = clang_getCanonicalType(clang_getCursorType(operandCursor.raw)).kind
                if resultKind == CXType_Pointer && operandKind != CXType_Pointer {
                    op = "&"
                } else if operandKind == CXType_Pointer && resultKind != CXType_Pointer {
                    op = "*"
                }
            }
            return Expr(.unary(op: op, operand: operand, postfix: postfix), at: pos)
        case CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator:
            let ch = c.children
            guard ch.count == 2 else {
                return Expr(.other("binary", ch.map { expression($0, excluding: nil) }), at: pos)
            }
            let op = binaryOperator(c, lhs: ch[0], rhs: ch[1])
            let lhs = expression(ch[0], excluding: nil)
            let rhs = expression(ch[1], excluding: nil)
            if op == "=" || (op.count >= 2 && op.hasSuffix("=") && !["==", "!=", "<=", ">="].contains(op)) {
                return Expr(.assign(op: op, target: lhs, value: rhs), at: pos)
            }
            return Expr(.binary(op: op, lhs: lhs, rhs: rhs), at: pos)
        case CXCursor_ConditionalOperator:
            let ch = c.children
            if ch.count == 3 {
                return Expr(
                    .conditional(
                        condition: expression(ch[0], excluding: nil), then: expression(ch[1], excluding: nil),
                        otherwise: expression(ch[2], excluding: nil)), at: pos)
            }
            return Expr(.other("?:", ch.map { expression($0, excluding: nil) }), at: pos)
        case CXCursor_CStyleCastExpr:
            guard let operand = c.children.last(where: { isExpressionKind($0.kind) }) else {
                return Expr(.other("cast", []), at: pos)
            }
            return Expr(.cast(type: c.typeSpelling, operand: expression(operand, excluding: nil)), at: pos)
        case CXCursor_ArraySubscriptExpr:
            let ch = c.children
            guard ch.count == 2 else { return Expr(.other("[]", ch.map { expression($0, excluding: nil) }), at: pos) }
            return Expr(
                .subscriptAccess(base: expression(ch[0], excluding: nil), index: expression(ch[1], excluding: nil)),
                at: pos)
        case CXCursor_StmtExpr:
            guard let body = c.children.first else { return Expr(.other("({})", []), at: pos) }
            return Expr(.statementExpression(statement(body, excluding: nil)), at: pos)
        case CXCursor_InitListExpr:
            return Expr(.initializerList(c.children.map { expression($0, excluding: nil) }), at: pos)
        case CXCursor_UnaryExpr:
            // sizeof/alignof do not evaluate their operand.
            return Expr(.other("sizeof", []), at: pos)
        default:
            let children = c.children.filter { isExpressionKind($0.kind) || $0.kind == CXCursor_CompoundStmt }
            return Expr(
                .other(
                    c.spelling,
                    children.map {
                        $0.kind == CXCursor_CompoundStmt
                            ? Expr(.statementExpression(statement($0, excluding: nil)), at: $0.position)
                            : expression($0, excluding: nil)
                    }), at: pos)
        }
    }

    func binaryOperator(_ c: ClangCursor, lhs: ClangCursor, rhs: ClangCursor) -> String {
        // Where the operands were written, or, inside the body of a macro the file defines,
        // where they are spelled in the definition.
        for (l, r) in [
            (lexicon.range(of: lhs), lexicon.range(of: rhs)),
            (lexicon.spellingRange(of: lhs), lexicon.spellingRange(of: rhs)),
        ] {
            guard let l, let r, l.end <= r.start else { continue }
            var i = lexicon.tokenIndex(atOrAfter: l.end)
            while i < lexicon.tokens.count, lexicon.tokens[i].offset < r.start {
                let t = lexicon.tokens[i]
                if t.isPunctuation, t.text != ")" && t.text != "]" { return t.text }
                i += 1
            }
        }
        return "?"
    }
}
