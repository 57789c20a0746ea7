/// An object named the way the code names it: `ctx`, `req->ki_ctx`, `ctx->ring_info.ring_lock`.
///
/// Canonical: parentheses, casts and the address-of operator are not part of it, and an alias
/// (`ctx = req->ki_ctx`) is replaced by the variable that holds it.
public struct AccessPath: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public struct Component: Hashable, Sendable {
        public var name: String
        /// Reached through a pointer (`->`, `*`, `[]`) rather than within the same object (`.`).
        public var throughPointer: Bool
    }

    public var root: String
    public var components: [Component]

    public init(root: String, components: [Component] = []) {
        self.root = root
        self.components = components
    }

    public var description: String {
        var s = root
        for c in components {
            if c.name == "[]" {
                s += "[]"
            } else if c.name == "*" {
                s = "(*\(s))"
            } else {
                s += (c.throughPointer ? "->" : ".") + c.name
            }
        }
        return s
    }

    public func appending(_ name: String, throughPointer: Bool) -> AccessPath {
        AccessPath(root: root, components: components + [Component(name: name, throughPointer: throughPointer)])
    }

    /// The object whose memory holds this path's last field: `ctx->ring_info.ring_lock` lives in
    /// the object `ctx` points to; nil for a plain variable.
    public var owner: AccessPath? {
        var parts = components
        while let last = parts.last, !last.throughPointer { parts.removeLast() }
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
        return AccessPath(root: root, components: parts)
    }

    public var isVariable: Bool { components.isEmpty }

    /// A lock's name whoever holds it: its field (`ioctx_lock` of `mm->ioctx_lock`), or the
    /// global's name.
    public var lockName: String { components.last?.name ?? root }

    public func hasPrefix(_ other: AccessPath) -> Bool {
        root == other.root && components.count >= other.components.count
            && Array(components.prefix(other.components.count)) == other.components
    }

    /// Replaces the prefix `other` with the variable `variable`.
    public func replacingPrefix(_ other: AccessPath, with variable: String) -> AccessPath {
        AccessPath(root: variable, components: Array(components.dropFirst(other.components.count)))
    }

    public static func < (a: AccessPath, b: AccessPath) -> Bool { a.description < b.description }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = AccessPath.parse(text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Reads `a->b.c` back (for JSON round trips).
    public static func parse(_ text: String) -> AccessPath {
        var root = ""
        var components: [Component] = []
        var current = ""
        var pointer = false
        var started = false
        var chars = Array(text)
        var i = 0
        func flush() {
            if !started {
                root = current
                started = true
            } else {
                components.append(Component(name: current, throughPointer: pointer))
            }
            current = ""
        }
        while i < chars.count {
            if chars[i] == "-", i + 1 < chars.count, chars[i + 1] == ">" {
                flush()
                pointer = true
                i += 2
            } else if chars[i] == "." {
                flush()
                pointer = false
                i += 1
            } else {
                current.append(chars[i])
                i += 1
            }
        }
        flush()
        chars.removeAll()
        return AccessPath(root: root, components: components)
    }
}

extension Expr {
    /// The access path this expression names, if it names one.
    public var accessPath: AccessPath? {
        switch kind {
        case .name(let n):
            return AccessPath(root: n)
        case .member(let base, let field, let arrow):
            return base.accessPath?.appending(field, throughPointer: arrow)
        case .cast(_, let operand):
            return operand.accessPath
        case .unary(let op, let operand, _) where op == "*":
            return operand.accessPath?.appending("*", throughPointer: true)
        case .unary(let op, let operand, _) where op == "&":
            return operand.accessPath
        case .subscriptAccess(let base, _):
            return base.accessPath?.appending("[]", throughPointer: true)
        default:
            return nil
        }
    }

    /// Strips casts (and the `&` of an argument such as `&ctx->ctx_lock`).
    public var strippingAddressAndCasts: Expr {
        switch kind {
        case .cast(_, let operand): return operand.strippingAddressAndCasts
        case .unary(let op, let operand, _) where op == "&": return operand.strippingAddressAndCasts
        default: return self
        }
    }
}
