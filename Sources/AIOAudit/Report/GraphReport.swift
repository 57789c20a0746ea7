import Foundation

public enum GraphFormat: String, CaseIterable, Sendable {
    case text, dot, json
}

/// Renders flow graphs as text, Graphviz DOT or JSON (documented in the README).
public enum GraphReport {
    public static func render(_ file: FileGraphs, as format: GraphFormat) -> String {
        switch format {
        case .text: return text(file)
        case .dot: return dot(file)
        case .json: return json(file)
        }
    }

    // MARK: Text

    static func describe(_ e: Event) -> String {
        switch e.kind {
        case .call:
            return "call \(e.text)"
        case .lock, .unlock:
            return
                "\(e.kind.rawValue) \(e.path?.description ?? e.text) [\(e.lockKind?.word ?? "?")] \(e.callee ?? "")"
        case .rcuReadLock, .rcuReadUnlock:
            return "\(e.kind.rawValue) \(e.callee ?? "")"
        case .dereference:
            return "deref \(e.path?.description ?? "?") .\(e.field ?? "?")"
        case .assignment:
            if let v = e.valuePath { return "assign \(e.path?.description ?? "?") = \(v) (alias)" }
            return "assign \(e.path?.description ?? "?") = \(e.value ?? "?")"
        case .increment, .decrement:
            return "\(e.kind.rawValue) \(e.path?.description ?? "?")"
        case .return:
            return "return\(e.value.map { " " + $0 } ?? "") [\(e.outcome?.rawValue ?? "unknown")]"
        }
    }

    static func describe(_ edge: Edge) -> String {
        var s = "B\(edge.target) \(edge.label.rawValue)"
        if let d = edge.detail { s += " \(d)" }
        if edge.back { s += " (back)" }
        return s
    }

    static func text(_ file: FileGraphs) -> String {
        var out = ""
        for g in file.graphs {
            out += "function \(g.function) at \(file.unit.path):\(g.line) (\(g.blocks.count) blocks)\n"
            for b in g.blocks {
                var head = "  B\(b.id)"
                if b.role != .body { head += " \(b.role.rawValue)" }
                if let n = b.name { head += " \(n)" }
                out += head + "\n"
                for e in b.events { out += "    \(e.line): \(describe(e))\n" }
                if let c = b.condition { out += "    branch on \(c)\n" }
                if !b.successors.isEmpty {
                    out += "    -> " + b.successors.map(describe).joined(separator: ", ") + "\n"
                }
            }
            out += "\n"
        }
        return out
    }

    // MARK: DOT

    /// Escapes what a record label gives meaning to (one pass: this runs for every event).
    static func dotEscape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for ch in s {
            switch ch {
            case "\\", "\"", "{", "}", "<", ">", "|":
                out.append("\\")
                out.append(ch)
            default:
                out.append(ch)
            }
        }
        return out
    }

    static func dot(_ file: FileGraphs) -> String {
        var out = "digraph \"\(dotEscape(file.unit.path))\" {\n"
        out += "  node [shape=record, fontname=\"monospace\", fontsize=10];\n"
        out += "  edge [fontname=\"monospace\", fontsize=9];\n"
        for (fi, g) in file.graphs.enumerated() {
            out += "  subgraph cluster_\(fi) {\n"
            out += "    label=\"\(dotEscape(g.function)) (line \(g.line))\";\n"
            for b in g.blocks {
                var lines = [
                    "B\(b.id)" + (b.role != .body ? " \(b.role.rawValue)" : "") + (b.name.map { " \($0)" } ?? "")
                ]
                for e in b.events { lines.append("\(e.line): \(describe(e))") }
                if let c = b.condition { lines.append("branch on \(c)") }
                let label = lines.map(dotEscape).joined(separator: "\\l") + "\\l"
                out += "    f\(fi)b\(b.id) [label=\"{\(label)}\"];\n"
            }
            for b in g.blocks {
                for e in b.successors {
                    var attrs = ["label=\"\(dotEscape(e.label.rawValue + (e.detail.map { " " + $0 } ?? "")))\""]
                    if e.back { attrs.append("style=dashed") }
                    out += "    f\(fi)b\(b.id) -> f\(fi)b\(e.target) [\(attrs.joined(separator: ", "))];\n"
                }
            }
            out += "  }\n"
        }
        out += "}\n"
        return out
    }

    // MARK: JSON

    struct Document: Encodable {
        var file: String
        var mode: String
        var parseErrors: [ParseDiagnostic]
        var synthesisedDeclarations: Int
        var functions: [FlowGraph]
    }

    public static func json(_ file: FileGraphs) -> String {
        let doc = Document(
            file: file.unit.path, mode: file.unit.mode.rawValue, parseErrors: file.unit.errors,
            synthesisedDeclarations: file.unit.synthesised.count, functions: file.graphs)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(doc)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
