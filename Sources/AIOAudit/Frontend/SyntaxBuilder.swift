import CClang
import Foundation

/// Turns libclang cursors of one translation unit into the project's syntax tree.
///
/// Kernel primitives are often macros (`spin_lock_irqsave`, `wait_event`, and in older eras
/// `get_ioctx`/`put_ioctx`); an expression that starts at a function-like macro's name and ends
/// inside its invocation is read as a call of that macro, with the arguments as written. A loop that
/// starts at a macro's name and runs past it is an iteration macro (`list_for_each_entry`).
struct SyntaxBuilder {
    let lexicon: FileLexicon

    /// The macro invocation that this cursor stands for, if it starts at one (and is not the
    /// invocation the caller is already inside).
    private func invocation(at cursor: ClangCursor, range: FileRange?, excluding: Int?) -> MacroInvocation? {
        guard let range, range.start != excluding, let m = lexicon.macros[range.start] else { return nil }
        return m
    }

    // MARK: Functions and globals

    /// Statements and expressions nested deeper than this are refused: kernel code nests a few
    /// dozen levels, and every later stage recurses over the tree.
    static let maximumNesting = 1000

    func function(_ cursor: ClangCursor, noreturn: inout Set<String>) throws -> FunctionSyntax? {
        let children = cursor.children
        guard let bodyCursor = children.last(where: { $0.kind == CXCursor_CompoundStmt }) else {
            return nil
        }
        var name = cursor.spelling
        let range = lexicon.range(of: cursor)
        if let range, let m = lexicon.macros[range.start], m.hasArgumentList {
            // Syscalls are written SYSCALL_DEFINEn(name, ...): in a kernel tree the macro also
            // generates wrappers whose bodies lie inside the macro; only the body written in the
            // file is the syscall, and it is named as the syscall table names it.
            guard let bodyRange = lexicon.range(of: bodyCursor), bodyRange.start >= m.range.end else { return nil }
            if m.name.hasPrefix("SYSCALL_DEFINE") || m.name.hasPrefix("COMPAT_SYSCALL_DEFINE"),
                let first = m.arguments.first
            {
                let prefix = m.name.hasPrefix("COMPAT_") ? "compat_sys_" : "sys_"
                name = prefix + lexicon.text(of: first)
            }
        }
        var parameters: [Parameter] = []
        let count = clang_Cursor_getNumArguments(cursor.raw)
        if count > 0 {
            for i in 0..<UInt32(count) {
                let p = ClangCursor(raw: clang_Cursor_getArgument(cursor.raw, i))
                parameters.append(Parameter(name: p.spelling, type: p.typeSpelling))
            }
        }
        let returnType = clang_getTypeSpelling(clang_getResultType(clang_getCursorType(cursor.raw))).consume()
        // sparse's annotations, written between the definition's start and its body (macros of the
        // headers that expand to nothing for a compiler, kept in the preprocessing record).
        var annotations: [LockAnnotation] = []
        if let range, let bodyStart = lexicon.range(of: bodyCursor)?.start {
            for (offset, m) in lexicon.macros.sorted(by: { $0.key < $1.key })
            where offset >= range.start && offset < bodyStart {
                guard let kind = LockAnnotation.macros[m.name], let argument = m.arguments.first else { continue }
                var lock = lexicon.text(of: argument).filter { !$0.isWhitespace }
                if lock.hasPrefix("&") { lock.removeFirst() }
                if lock.hasPrefix("(") && lock.hasSuffix(")") { lock = String(lock.dropFirst().dropLast()) }
                if !lock.isEmpty { annotations.append(LockAnnotation(kind: kind, lock: lock)) }
            }
        }
        var walker = Walker(builder: self)
        let body = walker.statement(bodyCursor, excluding: nil)
        if let deep = walker.tooDeep { throw NestingTooDeep(function: name, line: deep.line) }
        noreturn.formUnion(walker.noreturn)
        let endLine =
            lexicon.range(of: bodyCursor).flatMap { r -> Int? in
                let i = lexicon.tokenIndex(atOrAfter: r.end) - 1
                return i >= 0 && i < lexicon.tokens.count ? lexicon.tokens[i].position.line : nil
            } ?? cursor.position.line
        return FunctionSyntax(
            name: name, position: cursor.position, endLine: endLine, parameters: parameters,
            returnType: returnType,
            isStatic: clang_Cursor_getStorageClass(cursor.raw) == CX_SC_Static,
            body: body, noreturnCallees: walker.noreturn, lockAnnotations: annotations)
    }

    func global(_ cursor: ClangCursor) -> GlobalSyntax {
        var walker = Walker(builder: self)
        var initializer: Expr?
        let range = lexicon.range(of: cursor)
        if let range, let m = lexicon.macros[range.start], m.hasArgumentList {
            // DECLARE_WORK(name, fn) and friends: the macro and its arguments are the fact.
            initializer = walker.macroCall(m, cursor: cursor)
        } else {
            let initCursor = ClangCursor(raw: clang_Cursor_getVarDeclInitializer(cursor.raw))
            if !initCursor.isNull { initializer = walker.expression(initCursor, excluding: nil) }
        }
        return GlobalSyntax(
            name: cursor.spelling, type: cursor.typeSpelling, position: cursor.position,
            isStatic: clang_Cursor_getStorageClass(cursor.raw) == CX_SC_Static,
            initializer: initializer)
    }
}

/// A function nested past SyntaxBuilder.maximumNesting.
struct NestingTooDeep: Error {
    var function: String
    var line: Int
}

/// Walks one function's cursors. Recursive; runs on the parser's large-stack thread.
struct Walker {
    let builder: SyntaxBuilder
    var noreturn: Set<String> = []
    var depth = 0
    /// Where nesting first went past the limit.
    var tooDeep: SourcePosition?
    var lexicon: FileLexicon { builder.lexicon }

    init(builder: SyntaxBuilder) {
        self.builder = builder
    }

    // MARK: Statements

    mutating func statement(_ c: ClangCursor, excluding: Int?) -> Stmt {
        let (range, pos) = lexicon.locate(c)
        depth += 1
        defer { depth -= 1 }
        if depth > SyntaxBuilder.maximumNesting {
            if tooDeep == nil { tooDeep = pos }
            return Stmt(.opaque("too deep"), at: pos)
        }
        let kind = c.kind
        if let m = lexicon.macros[range?.start ?? -1], range?.start != excluding, m.hasArgumentList,
            let range
        {
            if kind == CXCursor_ForStmt || kind == CXCursor_WhileStmt, range.end > m.range.end,
                let body = c.children.last
            {
                let args = macroArguments(m, within: c)
                return Stmt(
                    .iteration(macro: m.name, arguments: args, body: statement(body, excluding: nil)),
                    at: pos)
            }
            if range.end <= m.range.end, kind != CXCursor_CompoundStmt || range.start == m.range.start {
                if kind == CXCursor_DeclStmt {
                    return Stmt(.expression(macroCall(m, cursor: c)), at: pos)
                }
                if isStatementKind(kind) || isExpressionKind(kind) {
                    return Stmt(.expression(macroCall(m, cursor: c)), at: pos)
                }
            }
        }
        switch kind {
        case CXCursor_CompoundStmt:
            return Stmt(.compound(c.children.map { statement($0, excluding: nil) }), at: pos)
        case CXCursor_DeclStmt:
            var decls: [Stmt] = []
            for d in c.children where d.kind == CXCursor_VarDecl {
                let initCursor = ClangCursor(raw: clang_Cursor_getVarDeclInitializer(d.raw))
                let initializer = initCursor.isNull ? nil : expression(initCursor, excluding: nil)
                decls.append(
                    Stmt(
                        .declaration(name: d.spelling, type: d.typeSpelling, initializer: initializer),
                        at: d.position))
            }
            return decls.count == 1 ? decls[0] : Stmt(.compound(decls), at: pos)
        case CXCursor_IfStmt:
            let ch = c.children
            guard ch.count >= 2 else { return Stmt(.opaque("if"), at: pos) }
            return Stmt(
                .ifStmt(
                    condition: foldedCondition(ch[0]), then: statement(ch[1], excluding: nil),
                    otherwise: ch.count > 2 ? statement(ch[2], excluding: nil) : nil), at: pos)
        case CXCursor_WhileStmt:
            let ch = c.children
            guard ch.count >= 2 else { return Stmt(.opaque("while"), at: pos) }
            return Stmt(
                .whileStmt(condition: expression(ch[0], excluding: nil), body: statement(ch[1], excluding: nil)),
                at: pos)
        case CXCursor_DoStmt:
            let ch = c.children
            guard ch.count >= 2 else { return Stmt(.opaque("do"), at: pos) }
            return Stmt(
                .doWhile(body: statement(ch[0], excluding: nil), condition: expression(ch[1], excluding: nil)),
                at: pos)
        case CXCursor_ForStmt:
            return forStatement(c, pos: pos)
        case CXCursor_SwitchStmt:
            let ch = c.children
            guard ch.count >= 2 else { return Stmt(.opaque("switch"), at: pos) }
            return Stmt(
                .switchStmt(condition: expression(ch[0], excluding: nil), body: statement(ch.last!, excluding: nil)),
                at: pos)
        case CXCursor_CaseStmt:
            let ch = c.children
            guard let body = ch.last, ch.count >= 2 else { return Stmt(.opaque("case"), at: pos) }
            let value = ch.dropLast().map { caseValueText($0) }.joined(separator: " ... ")
            return Stmt(.caseLabel(value: value, body: statement(body, excluding: nil)), at: pos)
        case CXCursor_DefaultStmt:
            guard let body = c.children.last else { return Stmt(.opaque("default"), at: pos) }
            return Stmt(.defaultLabel(body: statement(body, excluding: nil)), at: pos)
        case CXCursor_LabelStmt:
            let body = c.children.last.map { statement($0, excluding: nil) } ?? Stmt(.empty, at: pos)
            return Stmt(.label(name: c.spelling, body: body), at: pos)
        case CXCursor_GotoStmt:
            let target = c.children.first(where: { $0.kind == CXCursor_LabelRef })?.spelling ?? ""
            return Stmt(.gotoStmt(label: target), at: pos)
        case CXCursor_IndirectGotoStmt:
            return Stmt(.opaque("goto *"), at: pos)
        case CXCursor_BreakStmt:
            return Stmt(.breakStmt, at: pos)
        case CXCursor_ContinueStmt:
            return Stmt(.continueStmt, at: pos)
        case CXCursor_ReturnStmt:
            let value = c.children.first.map { expression($0, excluding: nil) }
            return Stmt(.returnStmt(value), at: pos)
        case CXCursor_NullStmt:
            return Stmt(.empty, at: pos)
        case CXCursor_GCCAsmStmt, CXCursor_MSAsmStmt:
            return Stmt(.opaque("asm"), at: pos)
        default:
            if isExpressionKind(kind) {
                return Stmt(.expression(expression(c, excluding: nil)), at: pos)
            }
            return Stmt(.opaque(c.spelling), at: pos)
        }
    }

    func isStatementKind(_ k: CXCursorKind) -> Bool {
        k.rawValue >= CXCursor_FirstStmt.rawValue && k.rawValue <= CXCursor_LastStmt.rawValue
    }

    func isExpressionKind(_ k: CXCursorKind) -> Bool {
        k.rawValue >= CXCursor_FirstExpr.rawValue && k.rawValue <= CXCursor_LastExpr.rawValue
    }

    private func caseValueText(_ c: ClangCursor) -> String {
        if let r = lexicon.range(of: c) {
            let a = lexicon.tokenIndex(atOrAfter: r.start)
            let b = lexicon.tokenIndex(atOrAfter: r.end)
            if a < b { return lexicon.text(of: a..<b) }
        }
        return c.spelling
    }

    /// `for (init; cond; inc) body`: libclang omits absent parts, so the header's semicolons
    /// (read from the tokens) tell which child is which.
    private mutating func forStatement(_ c: ClangCursor, pos: SourcePosition) -> Stmt {
        let ch = c.children
        guard let bodyCursor = ch.last else { return Stmt(.opaque("for"), at: pos) }
        var initializer: Stmt?
        var condition: Expr?
        var increment: Expr?
        let header = Array(ch.dropLast())
        if header.count == 3 {
            initializer = statement(header[0], excluding: nil)
            condition = expression(header[1], excluding: nil)
            increment = expression(header[2], excluding: nil)
        } else if !header.isEmpty, let range = lexicon.range(of: c) {
            var semicolons: [Int] = []
            var i = lexicon.tokenIndex(atOrAfter: range.start) + 1
            var depth = 0
            while i < lexicon.tokens.count, semicolons.count < 2 {
                let t = lexicon.tokens[i].text
                if t == "(" {
                    depth += 1
                } else if t == ")" {
                    depth -= 1
                    if depth == 0 { break }
                } else if t == ";",
                    depth == 1
                {
                    semicolons.append(lexicon.tokens[i].offset)
                }
                i += 1
            }
            if semicolons.count == 2 {
                for h in header {
                    let start = lexicon.range(of: h)?.start ?? 0
                    if start < semicolons[0] {
                        initializer = statement(h, excluding: nil)
                    } else if start < semicolons[1] {
                        condition = expression(h, excluding: nil)
                    } else {
                        increment = expression(h, excluding: nil)
                    }
                }
            }
        }
        return Stmt(
            .forStmt(
                initializer: initializer, condition: condition, increment: increment,
                body: statement(bodyCursor, excluding: nil)), at: pos)
    }

    /// An `if` condition, as the compiler folds it when it is a constant without side effects
    /// (`sizeof(i_size) > sizeof(long)`, a configuration test): the branch that cannot be taken is
    /// not a path.
    mutating func foldedCondition(_ cursor: ClangCursor) -> Expr {
        let e = expression(cursor, excluding: nil)
        if case .literal = e.kind { return e }
        guard !e.hasSideEffects, let result = clang_Cursor_Evaluate(cursor.raw) else { return e }
        defer { clang_EvalResult_dispose(result) }
        guard clang_EvalResult_getKind(result) == CXEval_Int else { return e }
        return Expr(.literal(String(clang_EvalResult_getAsLongLong(result))), at: e.position)
    }

    // MARK: Macros

    /// A macro invocation read as a call: `spin_lock_irqsave(&ctx->ctx_lock, flags)`.
    mutating func macroCall(_ m: MacroInvocation, cursor: ClangCursor) -> Expr {
        let pos = cursor.position
        let args = macroArguments(m, within: cursor)
        if KernelFunctions.transparentMacros.contains(m.name), let first = args.first {
            return first
        }
        // A configuration test (`IS_ENABLED(CONFIG_...)`) and any other macro that folds to an
        // integer constant is that constant: a branch on it takes one edge.
        if let result = clang_Cursor_Evaluate(cursor.raw) {
            defer { clang_EvalResult_dispose(result) }
            if clang_EvalResult_getKind(result) == CXEval_Int {
                return Expr(.literal(String(clang_EvalResult_getAsLongLong(result))), at: pos)
            }
        }
        if KernelFunctions.noreturn.contains(m.name) { noreturn.insert(m.name) }
        return Expr(.call(callee: m.name, calleeExpr: nil, arguments: args, viaMacro: true), at: pos)
    }

    /// Each argument of a macro invocation: the outermost expression the expansion built from the
    /// argument's tokens, or, when the expansion used the argument only as a name (a field name, a
    /// type), the argument's text.
    mutating func macroArguments(_ m: MacroInvocation, within cursor: ClangCursor) -> [Expr] {
        var found: [Int: ClangCursor] = [:]
        let bounds = m.arguments.map { range -> (Int, Int) in
            guard !range.isEmpty else { return (Int.max, Int.min) }
            let last = lexicon.tokens[range.upperBound - 1]
            return (lexicon.tokens[range.lowerBound].offset, last.offset + last.text.utf8.count)
        }
        func search(_ c: ClangCursor) {
            for child in c.children {
                guard let r = lexicon.range(of: child) else { continue }
                // Text after the invocation holds none of its arguments' tokens: an iteration macro's
                // body is not searched (searching it made nested loops quadratic, or worse). Only a
                // non-empty range counts: what the expansion built may map to an empty range.
                if r.start >= m.range.end, r.end > r.start { continue }
                if let index = bounds.firstIndex(where: { r.start >= $0.0 && r.end <= $0.1 }),
                    isExpressionKind(child.kind)
                {
                    if found[index] == nil { found[index] = child }
                    continue
                }
                if found.count == bounds.count { return }
                search(child)
            }
        }
        search(cursor)
        var args: [Expr] = []
        for (i, range) in m.arguments.enumerated() {
            if let c = found[i] {
                args.append(expression(c, excluding: nil))
            } else {
                let text = lexicon.text(of: range)
                let pos = positionOfToken(range.lowerBound) ?? cursor.position
                if range.count == 1, lexicon.tokens[range.lowerBound].isIdentifier {
                    args.append(Expr(.name(text), at: pos))
                } else if range.count == 1, let first = text.first, first.isNumber {
                    args.append(Expr(.literal(text), at: pos))
                } else {
                    args.append(Expr(.other(text, []), at: pos))
                }
            }
        }
        return args
    }

    func positionOfToken(_ index: Int) -> SourcePosition? {
        index < lexicon.tokens.count ? lexicon.tokens[index].position : nil
    }

    var noreturnCache: [String: Bool] = [:]

    /// A callee is noreturn when the kernel says so by name or its declaration's type carries the
    /// noreturn attribute.
    mutating func isNoreturn(call: ClangCursor, name: String) -> Bool {
        if KernelFunctions.noreturn.contains(name) { return true }
        if let cached = noreturnCache[name] { return cached }
        let decl = clang_getCursorReferenced(call.raw)
        var result = false
        if clang_Cursor_isNull(decl) == 0 {
            let type = clang_getTypeSpelling(clang_getCursorType(decl)).consume()
            result = type.contains("noreturn")
        }
        noreturnCache[name] = result
        return result
    }
}
