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
