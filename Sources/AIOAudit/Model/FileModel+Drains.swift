/// Teardown drains: a teardown sets a flag on an object (dead, closing, shutdown) and then waits
/// for one of its pin counters to drain. New work that passes the flag's test must be counted
/// where the teardown will see it.
public struct Drain: Sendable, Hashable {
    public var type: String
    public var flag: String
    public var counter: String
    /// The function that sets the flag, and where.
    public var function: String
    public var flagLine: Int
    public var flagText: String
    /// Where the wait for the counter is.
    public var wait: Evidence
}

extension FileModel {
    mutating func inferDrains() {
        for pin in pinCounters {
            guard let waiter = pin.evidence.function else { continue }
            // The teardowns: the waiting function and the functions that call it.
            var teardowns = [waiter]
            for name in order where name != waiter {
                if graphs[name]?.allEvents.contains(where: { $0.kind == .call && $0.callee == waiter }) == true {
                    teardowns.append(name)
                }
            }
            for name in teardowns {
                guard let g = graphs[name] else { continue }
                for e in g.allEvents.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
                    guard let (object, flag) = Self.flagSet(e), flag != pin.field,
                        type(of: AccessPath(root: object), in: g) == pin.type
                    else { continue }
                    let d = Drain(
                        type: pin.type, flag: flag, counter: pin.field, function: name, flagLine: e.line,
                        flagText: e.text, wait: pin.evidence)
                    if !drains.contains(where: { $0.type == d.type && $0.flag == d.flag && $0.counter == d.counter }) {
                        drains.append(d)
                    }
                    break
                }
            }
        }
    }

    /// `x->dead = 1`, `atomic_set(&x->dead, 1)`, `atomic_xchg(&x->dead, 1)`, `WRITE_ONCE(x->dead, true)`.
    static func flagSet(_ e: Event) -> (object: String, flag: String)? {
        let on: Set<String> = ["1", "true"]
        if e.kind == .assignment, let t = e.path, t.components.count == 1, t.components[0].throughPointer,
            on.contains(e.value ?? "")
        {
            return (t.root, t.components[0].name)
        }
        if e.kind == .call, let c = e.callee, ["atomic_set", "atomic_xchg", "WRITE_ONCE"].contains(c),
            let args = e.arguments, on.contains(args[safe: 1]?.text ?? ""), let p = args.first?.path,
            p.components.count == 1, p.components[0].throughPointer
        {
            return (p.root, p.components[0].name)
        }
        return nil
    }
}
