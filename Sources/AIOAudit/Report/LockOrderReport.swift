import Foundation

/// The file's lock classes and their order, as `facts` and `graph --lock-order` show them.
public enum LockOrderReport {
    static func usage(_ w: LockOrder.Witness?) -> String? {
        guard let w else { return nil }
        guard let f = w.function else { return w.why }
        return "\(w.why): \(f)():\(w.line) \(LockWitness.chain(w))"
    }

    /// What each class is, with respect to interrupts.
    static func verdicts(_ c: LockOrder.ClassInfo) -> [String] {
        var out: [String] = []
        if let u = usage(c.inHardirq) { out.append("IRQ-safe, taken \(u)") }
        if let u = usage(c.inSoftirq) { out.append("softirq-safe, taken \(u)") }
        if let u = usage(c.hardirqOn) { out.append("IRQ-unsafe, taken \(u)") }
        return out
    }

    static func edgeLine(_ e: LockOrder.Edge) -> String {
        "\(e.from) -> \(e.to): \(e.function)():\(e.acquisition.line) \(LockWitness.chain(e.acquisition)) (\(e.from) taken at line \(e.heldLine))"
    }

    public static func text(_ order: LockOrder) -> String {
        var out = "lock classes:\n"
        for (name, c) in order.classes.sorted(by: { $0.key < $1.key }) {
            out += "  \(name) (\(c.kind.lockClass.rawValue)\(c.kernel ? ", the kernel's" : ""))\n"
            for v in verdicts(c) { out += "    \(v)\n" }
        }
        out += "\nlock order (B taken while A is held):\n"
        for e in order.edges { out += "  \(edgeLine(e))\n" }
        return out
    }

    struct JSONClass: Encodable {
        var kind: String
        var kernel: Bool
        var irqSafe: String?
        var softirqSafe: String?
        var irqUnsafe: String?
        var softirqUnsafe: String?
    }

    struct JSONEdge: Encodable {
        var from: String
        var to: String
        var function: String
        var line: Int
        var heldLine: Int
        var via: [ChainStep]
    }

    struct JSONOrder: Encodable {
        var classes: [String: JSONClass]
        var edges: [JSONEdge]
    }

    static func jsonValue(_ order: LockOrder) -> JSONOrder {
        JSONOrder(
            classes: order.classes.mapValues { c in
                JSONClass(
                    kind: c.kind.lockClass.rawValue, kernel: c.kernel, irqSafe: usage(c.inHardirq),
                    softirqSafe: usage(c.inSoftirq), irqUnsafe: usage(c.hardirqOn), softirqUnsafe: usage(c.softirqOn))
            },
            edges: order.edges.map {
                JSONEdge(
                    from: $0.from, to: $0.to, function: $0.function, line: $0.acquisition.line, heldLine: $0.heldLine,
                    via: $0.acquisition.chain)
            })
    }

    public static func json(_ order: LockOrder) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(jsonValue(order))) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Graphviz: a node per class (IRQ-safe ones red, IRQ-unsafe ones blue, both bold), an edge
    /// per order, labelled with where.
    public static func dot(_ order: LockOrder, name: String) -> String {
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var out = "digraph \(quoted("lock order: " + name)) {\n  node [shape=box, fontname=\"monospace\"];\n"
        let inCycle = Set(order.cycles.flatMap { $0.map { "\($0.from)|\($0.to)" } })
        for (n, c) in order.classes.sorted(by: { $0.key < $1.key }) {
            var attributes: [String] = []
            if c.irqSafe && c.irqUnsafe {
                attributes.append("color=purple, penwidth=2")
            } else if c.irqSafe {
                attributes.append("color=red")
            } else if c.irqUnsafe {
                attributes.append("color=blue")
            }
            if c.kernel { attributes.append("style=dashed") }
            out += "  \(quoted(n))\(attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]");\n"
        }
        for e in order.edges {
            let label = "\(e.function)():\(e.acquisition.line)"
            let style = inCycle.contains("\(e.from)|\(e.to)") ? ", color=red, penwidth=2" : ""
            out += "  \(quoted(e.from)) -> \(quoted(e.to)) [label=\(quoted(label))\(style)];\n"
        }
        return out + "}\n"
    }
}
