import Foundation

/// pin-drop-without-wakeup: a decrement of a pin counter that the teardown waits on, on a path
/// that never wakes the waiters.
public struct PinDropWithoutWakeup: Rule {
    public static let id = "pin-drop-without-wakeup"
    public static let summary = "a pin counter the teardown waits on is decremented without waking its waiters"
    public static let rationale = """
        A teardown that sleeps until a pin counter reaches zero (`wait_event(ctx->wait, \
        !ctx->reqs_active)`, or a loop that schedules while `ctx->reqs_active` is non-zero) \
        sleeps until someone wakes it. Every decrement that can take the counter to zero must be \
        followed, on some path, by a wake-up of the waiters (`wake_up(&ctx->wait)`, usually under \
        `if (!ctx->reqs_active && ctx->dead)`), in the function or in each of its callers after \
        the call. Otherwise the last request's completion leaves io_destroy() or exit_aio() \
        asleep forever.
        """
    public static let exampleContext = ExampleContext.lifetime
    public static let triggering = [
        """
        static void cancel_request(struct ctx *ctx, struct req *req)
        {
        	↓ctx->reqs_active--;		/* destroy_ctx() may sleep on, never woken */
        	kfree(req);
        }
        """
    ]
    public static let nonTriggering = [
        """
        static void finish_request(struct ctx *ctx, struct req *req)
        {
        	ctx->reqs_active--;
        	if (!ctx->reqs_active && ctx->dead)
        		wake_up(&ctx->wait);
        	kfree(req);
        }
        """
    ]

    /// What does not depend on the path, worked out once per event (a point is visited once per
    /// path through it). A rule value runs on one engine's thread; the lock keeps the cache sound
    /// should one ever be shared.
    final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var wakes: [String: Bool] = [:]
        private var callers: [String: [(FlowGraph, Event)]] = [:]

        func wakes(_ key: String, _ compute: () -> Bool) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if let known = wakes[key] { return known }
            let result = compute()
            wakes[key] = result
            return result
        }

        func callers(_ function: String, _ compute: () -> [(FlowGraph, Event)]) -> [(FlowGraph, Event)] {
            lock.lock()
            defer { lock.unlock() }
            if let known = callers[function] { return known }
            let result = compute()
            callers[function] = result
            return result
        }
    }
    let memo = Memo()

    public init() {}

    func wakes(after e: Event, in g: FlowGraph, object: String) -> Bool {
        memo.wakes("\(g.function)|\(e.line)|\(e.column)|\(e.text)|\(object)") {
            Self.wakes(after: e, in: g, object: object)
        }
    }

    func callSites(of function: String, _ model: FileModel) -> [(FlowGraph, Event)] {
        memo.callers(function) {
            var sites: [(FlowGraph, Event)] = []
            for name in model.order {
                guard let caller = model.graphs[name] else { continue }
                for e in caller.allEvents where e.kind == .call && e.callee == function { sites.append((caller, e)) }
            }
            return sites
        }
    }

    public func check(_ p: ProgramPoint) -> [Finding] {
        guard case .requestPinRelease(let o) = p.action, p.event.kind == .decrement || p.event.kind == .call,
            p.event.kind == .decrement || KernelFunctions.decrements.contains(p.event.callee ?? "")
        else { return [] }
        let g = p.graph
        let field =
            p.event.kind == .decrement
            ? p.event.path?.components.last?.name : FileModel.fieldOf(p.event.arguments?.last)?.field
        let type = p.model.type(of: AccessPath(root: o), in: g)
        guard let counter = p.model.pinCounters.first(where: { $0.type == type && $0.field == field }) else {
            return []
        }
        // Only a teardown asleep on a wait queue needs waking (a loop that merely reschedules
        // polls the counter).
        guard let waiter = counter.evidence.function.flatMap({ p.model.graphs[$0] }), Self.sleepsOnQueue(waiter)
        else { return [] }
        if wakes(after: p.event, in: g, object: o) { return [] }
        // A teardown that waits only once the last reference is gone (it runs from a release) can
        // be waiting only when nobody holds a reference: not while this function holds one.
        if let waiter = counter.evidence.function, Self.runsOnlyAfterRelease(waiter, p.model),
            let pins = p.pins(of: o), pins.counted > 0 || pins.caller || pins.inherited || pins.opaque || pins.owned
        {
            return []
        }
        // A helper: every caller must wake after calling it.
        let index = g.parameters.firstIndex { $0.name == o }
        let sites = callSites(of: g.function, p.model)
        if let index, !sites.isEmpty {
            let unwoken = sites.filter { caller, e in
                guard let arg = e.arguments?[safe: index]?.path else { return true }
                return !wakes(after: e, in: caller, object: arg.root)
            }
            if unwoken.isEmpty { return [] }
        } else if index != nil, !g.isStatic {
            // Called from outside the file: its callers cannot be seen.
            return []
        }
        var witness: [WitnessStep] = []
        if let line = counter.evidence.line {
            witness.append(
                WitnessStep(
                    line: line, column: 1, function: counter.evidence.function ?? "",
                    message: "the teardown waits: \(counter.evidence.detail)"))
        }
        witness.append(
            WitnessStep(
                line: p.event.line, column: p.event.column, function: g.function,
                message: "\(p.event.text) can take the counter to zero"))
        witness.append(
            WitnessStep(
                line: g.endLine, column: 1, function: g.function,
                message:
                    "no path from here to the return wakes \(o)'s waiters\(index != nil && !sites.isEmpty ? ", nor does every caller after the call" : "")"
            ))
        let counterName = "\(o)->\(counter.field)"
        return [
            Finding(
                rule: Self.id, severity: .error, file: p.file, function: g.function, line: p.event.line,
                column: p.event.column,
                message:
                    "\(p.event.text) drops a pin (\(counterName)) the teardown sleeps on, but nothing wakes the waiters after it",
                object: o, statement: Normalise.statement(p.event.text), witness: witness)
        ]
    }

    static func sleepsOnQueue(_ g: FlowGraph) -> Bool {
        g.allEvents.contains { e in
            guard e.kind == .call, let c = e.callee else { return false }
            return KernelFunctions.waitsOnQueue(c)
        }
    }

    /// Whether `function` is a release, or is called only from releases (transitively).
    static func runsOnlyAfterRelease(_ function: String, _ model: FileModel, depth: Int = 0) -> Bool {
        if model.releaseFunctions.contains(function) { return true }
        guard depth < 4 else { return false }
        var callers: Set<String> = []
        for (name, g) in model.graphs where g.allEvents.contains(where: { $0.kind == .call && $0.callee == function }) {
            callers.insert(name)
        }
        return !callers.isEmpty && callers.allSatisfy { runsOnlyAfterRelease($0, model, depth: depth + 1) }
    }

    /// Whether some path from `event` wakes a wait queue of `object`.
    static func wakes(after event: Event, in g: FlowGraph, object: String) -> Bool {
        guard let start = g.blocks.firstIndex(where: { $0.events.contains(event) }) else { return true }
        func isWake(_ e: Event) -> Bool {
            guard e.kind == .call, let c = e.callee, KernelFunctions.wakes(c) else { return false }
            return (e.arguments ?? []).contains { $0.path?.root == object || $0.text.contains("\(object)->") }
        }
        let events = g.blocks[start].events
        if let i = events.firstIndex(of: event), events[(i + 1)...].contains(where: isWake) { return true }
        var seen: Set<Int> = [start]
        var stack = g.blocks[start].successors.map(\.target)
        while let b = stack.popLast() {
            guard seen.insert(b).inserted else { continue }
            if g.blocks[b].events.contains(where: isWake) { return true }
            stack += g.blocks[b].successors.map(\.target)
        }
        return false
    }
}
