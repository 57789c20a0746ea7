/// The project's own syntax tree: what the frontend makes of a C function, independent of libclang.
///
/// Only the shapes the flow graph needs are distinguished; everything else keeps its children (so
/// the calls and dereferences inside it still count) under `.other`.

/// A position in the analysed file, from the expansion location (spelling locations differ between
/// LLVM versions for code that comes out of macros).
public struct SourcePosition: Hashable, Comparable, Codable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

public struct Expr: Sendable {
    public indirect enum Kind: Sendable {
        /// A name: a variable, a parameter, a function, an enumerator, or an object-like macro.
        case name(String)
        case literal(String)
        /// A call. `callee` is the function's name when it is a plain name; `viaMacro` is set when a
        /// function-like macro expansion was recognised at its name and stands for the whole call.
        case call(callee: String?, calleeExpr: Expr?, arguments: [Expr], viaMacro: Bool)
        case member(base: Expr, field: String, arrow: Bool)
        case subscriptAccess(base: Expr, index: Expr)
        /// Prefix or postfix unary operator (`!`, `&`, `*`, `-`, `~`, `++`, `--`).
        case unary(op: String, operand: Expr, postfix: Bool)
        case binary(op: String, lhs: Expr, rhs: Expr)
        /// `=` and the compound assignments.
        case assign(op: String, target: Expr, value: Expr)
        case conditional(condition: Expr, then: Expr, otherwise: Expr)
        case cast(type: String, operand: Expr)
        /// A GNU statement expression `({ ... })`.
        case statementExpression(Stmt)
        case initializerList([Expr])
        /// Anything else (sizeof, offsetof, compound literals, ...): only its children matter.
        case other(String, [Expr])
    }

    public var kind: Kind
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }
}

public struct Stmt: Sendable {
    public indirect enum Kind: Sendable {
        case compound([Stmt])
        case expression(Expr)
        /// A local variable declaration, with its initializer.
        case declaration(name: String, type: String, initializer: Expr?)
        case ifStmt(condition: Expr, then: Stmt, otherwise: Stmt?)
        case whileStmt(condition: Expr, body: Stmt)
        case doWhile(body: Stmt, condition: Expr)
        case forStmt(initializer: Stmt?, condition: Expr?, increment: Expr?, body: Stmt)
        /// A loop written with an iteration macro (`list_for_each_entry(pos, head, member) body`):
        /// the macro's name and arguments stand for its header.
        case iteration(macro: String, arguments: [Expr], body: Stmt)
        case switchStmt(condition: Expr, body: Stmt)
        case caseLabel(value: String, body: Stmt)
        case defaultLabel(body: Stmt)
        case label(name: String, body: Stmt)
        case gotoStmt(label: String)
        case breakStmt
        case continueStmt
        case returnStmt(Expr?)
        case empty
        /// Inline assembly and anything the frontend does not model.
        case opaque(String)
    }

    public var kind: Kind
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }
}

public struct Parameter: Sendable, Codable, Hashable {
    public var name: String
    public var type: String
}

/// A function definition of the analysed file.
public struct FunctionSyntax: Sendable {
    public var name: String
    public var position: SourcePosition
    public var endLine: Int
    public var parameters: [Parameter]
    public var returnType: String
    public var isStatic: Bool
    public var body: Stmt
    /// Names of callees known to never return (declared noreturn, or kernel primitives such as BUG).
    public var noreturnCallees: Set<String>
    /// sparse's context annotations on the definition (`__must_hold(&ctx->lock)`).
    public var lockAnnotations: [LockAnnotation] = []
}

/// A lock annotation of a function, as sparse reads it: `__must_hold(x)` (the caller holds x on
/// entry and still on return), `__releases(x)` (held on entry, released by the function),
/// `__acquires(x)` (taken by the function, held on return).
public struct LockAnnotation: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case mustHold, releases, acquires }
    public var kind: Kind
    /// The lock as an access path is written (`ctx->ctx_lock`: an address's `&` dropped).
    public var lock: String

    public init(kind: Kind, lock: String) {
        self.kind = kind
        self.lock = lock
    }

    /// The annotation macros' names.
    public static let macros: [String: Kind] = [
        "__must_hold": .mustHold, "__releases": .releases, "__acquires": .acquires,
    ]
}

/// A file-scope fact the model needs beyond function bodies: a global initializer that names
/// functions (work items declared with DECLARE_WORK, operation tables, ...).
public struct GlobalSyntax: Sendable {
    public var name: String
    public var type: String
    public var position: SourcePosition
    public var isStatic: Bool
    public var initializer: Expr?
}

/// How the file was parsed, so the output can say whether parse errors may hide code.
public enum ParseMode: String, Sendable, Codable {
    case standalone
    case kernelTree = "kernel-tree"
}

public struct ParseDiagnostic: Sendable, Codable, Hashable {
    public var line: Int
    public var column: Int
    public var file: String
    public var severity: String
    public var message: String
}

/// Everything the frontend extracts from one file.
public struct TranslationUnitSyntax: Sendable {
    public var path: String
    public var mode: ParseMode
    public var functions: [FunctionSyntax]
    public var globals: [GlobalSyntax]
    /// Errors left after parsing (and, standalone, after synthesising missing declarations).
    public var errors: [ParseDiagnostic]
    /// Declarations synthesised from the parser's complaints, one line each.
    public var synthesised: [String]
    public var parseRounds: Int
    public var compileArguments: [String]
    /// The text that was parsed (the file, or the patched contents in memory).
    public var source: String
    /// Why the mode is not what the user may expect (a compile database that lacks the file).
    public var modeNote: String? = nil
    /// What the preamble cache did (hit, built, rebuilt), for `-v`.
    public var cacheNote: String? = nil
    /// Functions defined in text the preprocessor skipped (`#ifdef` of an option not set): not
    /// analysed, and named by `-v`.
    public var hiddenFunctions: [HiddenFunction] = []
}

/// A function definition in a region the preprocessor skipped.
public struct HiddenFunction: Sendable, Equatable {
    public var name: String
    public var line: Int
    /// The directive that opened the region (`#ifdef CONFIG_COMPAT`).
    public var condition: String
}

extension Expr {
    /// Whether evaluating the expression may do anything: a call, an assignment, `++`/`--`, a
    /// statement expression.
    public var hasSideEffects: Bool {
        switch kind {
        case .name, .literal: return false
        case .call, .assign, .statementExpression: return true
        case .member(let base, _, _): return base.hasSideEffects
        case .subscriptAccess(let base, let index): return base.hasSideEffects || index.hasSideEffects
        case .unary(let op, let operand, _): return op == "++" || op == "--" || operand.hasSideEffects
        case .binary(_, let lhs, let rhs): return lhs.hasSideEffects || rhs.hasSideEffects
        case .conditional(let c, let t, let o): return c.hasSideEffects || t.hasSideEffects || o.hasSideEffects
        case .cast(_, let operand): return operand.hasSideEffects
        case .initializerList(let items), .other(_, let items): return items.contains { $0.hasSideEffects }
        }
    }
}
