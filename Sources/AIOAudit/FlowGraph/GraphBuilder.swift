/// Lowers a function's syntax into a flow graph: blocks, labelled edges, events in evaluation order.
///
/// Conditions branch on what the code tests: `if (!try_get_ioctx(ctx))` evaluates the call and
/// branches with the edges swapped; `&&`, `||` and `?:` split blocks in conditions and in values alike.
public struct GraphBuilder {
    private var blocks: [BasicBlock] = []
    private var current: Int?
    private var breakTargets: [Int] = []
    private var continueTargets: [Int] = []
    private var switches: [(block: Int, hasDefault: Bool)] = []
    private var labels: [String: Int] = [:]
    /// Local variables' declared types (the model reads object types from them).
    private var locals: [String: String] = [:]
    private let exit: Int
    private let entry: Int
    private let noreturn: Set<String>

    public static func build(_ function: FunctionSyntax) -> FlowGraph {
        var builder = GraphBuilder(noreturn: function.noreturnCallees)
        builder.statement(function.body)
        if builder.current != nil {
            // Falling off the end of the body returns.
            var ret = Event(.return, at: SourcePosition(line: function.endLine, column: 1), text: "}")
            ret.outcome = function.returnType == "void" ? .success : .unknown
            builder.emit(ret)
            builder.jump(to: builder.exit, .return)
        }
        var graph = builder.finish(function)
        Aliases.canonicalise(&graph)
        return graph
    }

    private init(noreturn: Set<String>) {
        self.noreturn = noreturn
        blocks.append(BasicBlock(id: 0, role: .entry, events: [], successors: []))
        blocks.append(BasicBlock(id: 1, role: .exit, events: [], successors: []))
        entry = 0
        exit = 1
        current = 0
    }

    // MARK: Blocks and edges

    private mutating func newBlock(_ role: BasicBlock.Role = .body, name: String? = nil) -> Int {
        blocks.append(BasicBlock(id: blocks.count, role: role, name: name, events: [], successors: []))
        return blocks.count - 1
    }

    private mutating func edge(from: Int, to: Int, _ label: Edge.Label, detail: String? = nil, back: Bool = false) {
        blocks[from].successors.append(Edge(target: to, label: label, detail: detail, back: back))
    }

    /// Ends the current block with an edge; code after it is unreachable until a label.
    private mutating func jump(to target: Int, _ label: Edge.Label, detail: String? = nil, back: Bool = false) {
        if let c = current { edge(from: c, to: target, label, detail: detail, back: back) }
        current = nil
    }

    /// Continues in `block`, falling into it from the current block.
    private mutating func enter(_ block: Int, _ label: Edge.Label = .next) {
        if let c = current { edge(from: c, to: block, label) }
        current = block
    }

    private mutating func emit(_ event: Event) {
        if current == nil { current = newBlock() }  // unreachable code: kept apart, pruned later
        blocks[current!].events.append(event)
    }

    private mutating func labelBlock(_ name: String) -> Int {
        if let b = labels[name] { return b }
        let b = newBlock(.label, name: name)
        labels[name] = b
        return b
    }

    // MARK: Statements

    private mutating func statement(_ s: Stmt) {
        switch s.kind {
        case .compound(let items):
            for item in items { statement(item) }
        case .expression(let e):
            value(e)
        case .declaration(let name, let type, let initializer):
            locals[name] = type
            if let initializer {
                value(initializer)
                assignment(target: Expr(.name(name), at: s.position), value: initializer, op: "=", at: s.position)
            }
        case .ifStmt(let condition, let then, let otherwise):
            let thenBlock = newBlock()
            let join = newBlock()
            let elseBlock = otherwise == nil ? join : newBlock()
            self.condition(condition, whenTrue: thenBlock, whenFalse: elseBlock)
            current = thenBlock
            statement(then)
            jump(to: join, .next)
            if let otherwise {
                current = elseBlock
                statement(otherwise)
                jump(to: join, .next)
            }
            current = join
        case .whileStmt(let condition, let body):
            let header = newBlock(.loopHeader)
            let bodyBlock = newBlock()
            let after = newBlock()
            enter(header)
            self.condition(condition, whenTrue: bodyBlock, whenFalse: after)
            loopBody(body, start: bodyBlock, continueTo: header, breakTo: after)
            jump(to: header, .next, back: true)
            current = after
        case .doWhile(let body, let condition):
            let bodyBlock = newBlock()
            let check = newBlock()
            let after = newBlock()
            enter(bodyBlock)
            loopBody(body, start: bodyBlock, continueTo: check, breakTo: after)
            enter(check)
            self.condition(condition, whenTrue: bodyBlock, whenFalse: after, backOnTrue: true)
            current = after
        case .forStmt(let initializer, let condition, let increment, let body):
            if let initializer { statement(initializer) }
            let header = newBlock(.loopHeader)
            let bodyBlock = newBlock()
            let step = newBlock()
            let after = newBlock()
            enter(header)
            if let condition {
                self.condition(condition, whenTrue: bodyBlock, whenFalse: after)
            } else {
                jump(to: bodyBlock, .next)
            }
            loopBody(body, start: bodyBlock, continueTo: step, breakTo: after)
            enter(step)
            if let increment { value(increment) }
            jump(to: header, .next, back: true)
            current = after
        case .iteration(let macro, let arguments, let body):
            let header = newBlock(.loopHeader, name: macro)
            let bodyBlock = newBlock()
            let after = newBlock()
            enter(header)
            for a in arguments { value(a) }
            var e = Event(
                .call, at: s.position, text: "\(macro)(\(arguments.map(\.sourceText).joined(separator: ", ")))")
            e.callee = macro
            e.arguments = arguments.map(argument)
            emit(e)
            blocks[current!].condition = macro
            blocks[current!].conditionLine = s.position.line
            edge(from: current!, to: bodyBlock, .true)
            edge(from: current!, to: after, .false)
            current = nil
            loopBody(body, start: bodyBlock, continueTo: header, breakTo: after)
            jump(to: header, .next, back: true)
            current = after
        case .switchStmt(let condition, let body):
            value(condition)
            if current == nil { current = newBlock() }
            let dispatch = current!
            blocks[dispatch].condition = condition.sourceText
            blocks[dispatch].conditionLine = condition.position.line
            let after = newBlock()
            current = nil
            switches.append((dispatch, false))
            breakTargets.append(after)
            statement(body)
            breakTargets.removeLast()
            let info = switches.removeLast()
            if !info.hasDefault { edge(from: dispatch, to: after, .default) }
            enter(after)
        case .caseLabel(let value, let body):
            let b = newBlock()
            if let c = current { edge(from: c, to: b, .fallthrough) }
            if let sw = switches.last { edge(from: sw.block, to: b, .case, detail: value) }
            current = b
            statement(body)
        case .defaultLabel(let body):
            let b = newBlock()
            if let c = current { edge(from: c, to: b, .fallthrough) }
            if !switches.isEmpty {
                switches[switches.count - 1].hasDefault = true
                edge(from: switches[switches.count - 1].block, to: b, .default)
            }
            current = b
            statement(body)
        case .label(let name, let body):
            enter(labelBlock(name))
            statement(body)
        case .gotoStmt(let label):
            jump(to: labelBlock(label), .goto, detail: label)
        case .breakStmt:
            if let target = breakTargets.last { jump(to: target, .break) }
        case .continueStmt:
            if let target = continueTargets.last { jump(to: target, .continue, back: true) }
        case .returnStmt(let value):
            let text = value.map { "return \($0.sourceText)" } ?? "return"
            if let value, case .call(GraphBuilder.condLock, _, let arguments, _) = value.kind, arguments.count == 2 {
                // `return __cond_lock(l, c)`: returns true holding l, false without it.
                let (held, notHeld) = (newBlock(), newBlock())
                condition(value, whenTrue: held, whenFalse: notHeld)
                for (block, truth) in [(held, "1"), (notHeld, "0")] {
                    current = block
                    var e = Event(.return, at: s.position, text: text)
                    e.value = truth
                    e.outcome = .unknown
                    emit(e)
                    jump(to: exit, .return)
                }
                break
            }
            if let value { self.value(value) }
            var e = Event(.return, at: s.position, text: text)
            e.value = value?.sourceText
            e.outcome = GraphBuilder.outcome(of: value)
            emit(e)
            jump(to: exit, .return)
        case .empty, .opaque:
            break
        }
    }

    private mutating func loopBody(_ body: Stmt, start: Int, continueTo: Int, breakTo: Int) {
        current = start
        breakTargets.append(breakTo)
        continueTargets.append(continueTo)
        statement(body)
        breakTargets.removeLast()
        continueTargets.removeLast()
    }

    // MARK: Conditions

    /// Evaluates `e` and branches: to `whenTrue` when it is non-zero.
    private mutating func condition(_ e: Expr, whenTrue: Int, whenFalse: Int, backOnTrue: Bool = false) {
        switch e.kind {
        case .unary("!", let operand, _):
            condition(operand, whenTrue: whenFalse, whenFalse: whenTrue, backOnTrue: false)
            return
        case .binary("&&", let lhs, let rhs):
            let middle = newBlock()
            condition(lhs, whenTrue: middle, whenFalse: whenFalse)
            current = middle
            condition(rhs, whenTrue: whenTrue, whenFalse: whenFalse, backOnTrue: backOnTrue)
            return
        case .binary("||", let lhs, let rhs):
            let middle = newBlock()
            condition(lhs, whenTrue: whenTrue, whenFalse: middle, backOnTrue: backOnTrue)
            current = middle
            condition(rhs, whenTrue: whenTrue, whenFalse: whenFalse, backOnTrue: backOnTrue)
            return
        case .cast(_, let operand):
            condition(operand, whenTrue: whenTrue, whenFalse: whenFalse, backOnTrue: backOnTrue)
            return
        case .call(let callee, _, let arguments, _) where callee == GraphBuilder.condLock && arguments.count == 2:
            // sparse's `__cond_lock(x, c)`: c, and where c is non-zero, x is held.
            let taken = newBlock()
            condition(arguments[1], whenTrue: taken, whenFalse: whenFalse)
            current = taken
            let operand = arguments[0].strippingAddressAndCasts
            if case .member(let base, _, _) = operand.kind { value(base) } else { value(operand) }
            var ev = Event(.lock, at: e.position, text: e.sourceText)
            ev.callee = GraphBuilder.condLock
            // The macro drops its lock operand (`#define __cond_lock(x, c) (c)`): no expression
            // was built from it, only its text is there.
            ev.path = arguments[0].accessPath ?? GraphBuilder.writtenPath(arguments[0].sourceText)
            ev.lockKind = LockKind(.spinlock)
            ev.arguments = [argument(arguments[0])]
            emit(ev)
            jump(to: whenTrue, .next, back: backOnTrue)
            return
        default:
            break
        }
        if let constant = GraphBuilder.constantValue(e) {
            // `do { } while (0)`, `while (1)`, `for (;;)`: only the edge that can be taken.
            if constant != 0 {
                jump(to: whenTrue, .next, back: backOnTrue)
            } else {
                jump(to: whenFalse, .next)
            }
            return
        }
        value(e)
        if current == nil { current = newBlock() }
        let b = current!
        blocks[b].condition = e.sourceText
        blocks[b].conditionLine = e.position.line
        edge(from: b, to: whenTrue, .true, back: backOnTrue)
        edge(from: b, to: whenFalse, .false)
        current = nil
    }

    /// sparse's conditional acquisition: `__cond_lock(lock, expression)` holds the lock where the
    /// expression is non-zero (the kernel's trylock macros, lock_task_sighand()).
    static let condLock = "__cond_lock"

    /// The access path written as `&a->b.c` or `a->b`, when the text is nothing else.
    static func writtenPath(_ text: String) -> AccessPath? {
        var t = Substring(text.filter { !$0.isWhitespace })
        if t.hasPrefix("&") { t = t.dropFirst() }
        guard let first = t.first, first.isLetter || first == "_" else { return nil }
        let p = AccessPath.parse(String(t))
        return p.description == t ? p : nil
    }

    static func constantValue(_ e: Expr) -> Int? {
        switch e.kind {
        case .literal(let l): return Int(l)
        case .name("true"): return 1
        case .name("false"): return 0
        case .cast(_, let operand): return constantValue(operand)
        default: return nil
        }
    }

    // MARK: Values

    /// Evaluates an expression for its events, splitting blocks where it has control flow.
    private mutating func value(_ e: Expr) {
        switch e.kind {
        case .name, .literal:
            break
        case .call(let callee, _, let arguments, _) where callee == GraphBuilder.condLock && arguments.count == 2:
            let join = newBlock()
            condition(e, whenTrue: join, whenFalse: join)
            current = join
        case .call(let callee, let calleeExpr, let arguments, _):
            call(e, callee: callee, calleeExpr: calleeExpr, arguments: arguments)
        case .member(let base, let field, let arrow):
            value(base)
            if arrow, let path = base.accessPath {
                var d = Event(.dereference, at: e.position, text: e.sourceText)
                d.path = path
                d.field = field
                emit(d)
            }
        case .subscriptAccess(let base, let index):
            value(base)
            value(index)
        case .unary(let op, let operand, _):
            if op == "++" || op == "--", let path = operand.accessPath {
                value(operand)
                var ev = Event(op == "++" ? .increment : .decrement, at: e.position, text: e.sourceText)
                ev.path = path
                emit(ev)
            } else if op == "*", let path = operand.accessPath {
                value(operand)
                var d = Event(.dereference, at: e.position, text: e.sourceText)
                d.path = path
                d.field = "*"
                emit(d)
            } else {
                value(operand)
            }
        case .binary("&&", _, _), .binary("||", _, _):
            let join = newBlock()
            condition(e, whenTrue: join, whenFalse: join)
            current = join
        case .binary(_, let lhs, let rhs):
            value(lhs)
            value(rhs)
        case .assign(let op, let target, let rhs):
            value(rhs)
            assignment(target: target, value: rhs, op: op, at: e.position)
        case .conditional(let c, let t, let f):
            let thenBlock = newBlock()
            let elseBlock = newBlock()
            let join = newBlock()
            condition(c, whenTrue: thenBlock, whenFalse: elseBlock)
            current = thenBlock
            value(t)
            jump(to: join, .next)
            current = elseBlock
            value(f)
            jump(to: join, .next)
            current = join
        case .cast(_, let operand):
            value(operand)
        case .statementExpression(let body):
            statement(body)
        case .initializerList(let items):
            for item in items { value(item) }
        case .other(_, let children):
            for c in children { value(c) }
        }
    }

    private mutating func assignment(target: Expr, value rhs: Expr, op: String, at position: SourcePosition) {
        // The target's own dereferences (`req->ki_ctx = ...` dereferences req).
        let stripped = target.strippingAddressAndCasts
        if case .member(let base, let field, let arrow) = stripped.kind {
            value(base)
            if arrow, let path = base.accessPath {
                var d = Event(.dereference, at: position, text: stripped.sourceText)
                d.path = path
                d.field = field
                emit(d)
            }
        }
        guard let path = target.accessPath else { return }
        if op == "+=" || op == "-=" {
            var ev = Event(
                op == "+=" ? .increment : .decrement, at: position, text: "\(target.sourceText) \(op) \(rhs.sourceText)"
            )
            ev.path = path
            ev.value = rhs.sourceText
            emit(ev)
            return
        }
        var ev = Event(.assignment, at: position, text: "\(target.sourceText) \(op) \(rhs.sourceText)")
        ev.path = path
        ev.value = rhs.sourceText
        if op == "=" { ev.valuePath = GraphBuilder.aliasSource(rhs) }
        // A value returned by a call (an allocation, a lookup): the callee is recorded.
        if case .call(let callee, _, _, _) = rhs.strippingAddressAndCasts.kind { ev.callee = callee }
        emit(ev)
    }

    /// The object an assignment makes the target an alias of: `ctx = req->ki_ctx`,
    /// `ctx = (struct kioctx *)p`; not a call's result or arithmetic.
    static func aliasSource(_ e: Expr) -> AccessPath? {
        switch e.kind {
        case .name(let n) where n == "NULL": return nil
        case .name, .member: return e.accessPath
        case .cast(_, let operand): return aliasSource(operand)
        // `mm = ctx->mm = current->mm`: mm holds what ctx->mm holds.
        case .assign("=", let target, _): return target.accessPath
        // A load that only orders memory: `head = smp_load_acquire(&req->head)` holds req->head.
        case .call(let callee, _, let arguments, _)
        where KernelFunctions.acquireLoads.contains(callee ?? "") && arguments.count == 1:
            if case .unary("&", let operand, _) = arguments[0].kind { return aliasSource(operand) }
            return nil
        default: return nil
        }
    }

    private func argument(_ e: Expr) -> CallArgument {
        var addressOf = false
        if case .unary("&", _, _) = e.kind { addressOf = true }
        return CallArgument(text: e.sourceText, path: e.accessPath, addressOf: addressOf)
    }

    private mutating func call(_ e: Expr, callee: String?, calleeExpr: Expr?, arguments: [Expr]) {
        if let calleeExpr { value(calleeExpr) }
        let name = callee ?? "(*\(calleeExpr?.sourceText ?? "?"))"
        if let callee, let lock = LockPrimitive.lookup(callee), let first = arguments.first {
            // The lock operand's own field is the lock: its access is the lock event itself.
            let operand = first.strippingAddressAndCasts
            if case .member(let base, _, _) = operand.kind { value(base) } else { value(operand) }
            for a in arguments.dropFirst() { value(a) }
            var ev = Event(lock.action == .acquire ? .lock : .unlock, at: e.position, text: e.sourceText)
            ev.callee = callee
            ev.path = first.accessPath
            ev.lockKind = lock.kind
            ev.arguments = arguments.map(argument)
            emit(ev)
            return
        }
        for a in arguments { value(a) }
        var ev: Event
        if let callee, RCUPrimitive.readLock.contains(callee) {
            ev = Event(.rcuReadLock, at: e.position, text: e.sourceText)
        } else if let callee, RCUPrimitive.readUnlock.contains(callee) {
            ev = Event(.rcuReadUnlock, at: e.position, text: e.sourceText)
        } else {
            ev = Event(.call, at: e.position, text: e.sourceText)
        }
        ev.callee = name
        ev.arguments = arguments.map(argument)
        emit(ev)
        if let callee, noreturn.contains(callee) {
            blocks[current!].role = .noreturn
            current = nil
        }
    }

    // MARK: Returns

    /// Success or failure from the returned value, as kernel functions report it: 0 or nothing
    /// is success; a negative errno, ERR_PTR() or NULL is failure; anything else is not known here.
    static func outcome(of value: Expr?) -> ReturnOutcome {
        guard let value else { return .success }
        switch value.kind {
        case .literal(let l):
            if let n = Int(l) { return n == 0 ? .success : (n < 0 ? .failure : .unknown) }
            return .unknown
        case .unary("-", let operand, _):
            if case .name = operand.kind { return .failure }
            if case .literal = operand.kind { return .failure }
            return .unknown
        case .name("NULL"):
            return .failure
        case .call(let callee, _, _, _) where callee == "ERR_PTR":
            return .failure
        case .cast(_, let operand):
            return outcome(of: operand)
        default:
            return .unknown
        }
    }

    // MARK: Finishing

    /// Drops unreachable blocks and numbers the rest: entry first, exit last, the others in the
    /// order the source creates them.
    private func finish(_ f: FunctionSyntax) -> FlowGraph {
        var blocks = self.blocks
        // Empty blocks that only pass control on (joins of empty branches, `do { } while (0)`)
        // are bypassed: each edge into one goes where it goes.
        func passThrough(_ b: Int) -> Int? {
            let block = blocks[b]
            guard block.role == .body, block.events.isEmpty, block.condition == nil, block.successors.count == 1,
                block.successors[0].label == .next, !block.successors[0].back, block.successors[0].target != b
            else { return nil }
            return block.successors[0].target
        }
        for b in blocks.indices {
            for i in blocks[b].successors.indices {
                var target = blocks[b].successors[i].target
                var hops = 0
                while let next = passThrough(target), hops < blocks.count {
                    target = next
                    hops += 1
                }
                blocks[b].successors[i].target = target
            }
        }
        var reachable = Set<Int>([entry])
        var stack = [entry]
        while let b = stack.popLast() {
            for e in blocks[b].successors where reachable.insert(e.target).inserted {
                stack.append(e.target)
            }
        }
        var order = blocks.indices.filter { reachable.contains($0) && $0 != exit }
        order.append(exit)
        var renumber: [Int: Int] = [:]
        for (i, b) in order.enumerated() { renumber[b] = i }
        var result: [BasicBlock] = []
        for old in order {
            var b = blocks[old]
            b.id = renumber[old]!
            b.successors = b.successors.compactMap { e in
                guard let t = renumber[e.target] else { return nil }
                var e = e
                e.target = t
                return e
            }
            result.append(b)
        }
        return FlowGraph(
            function: f.name, line: f.position.line, endLine: f.endLine, isStatic: f.isStatic,
            parameters: f.parameters, returnType: f.returnType, locals: locals, entry: 0, exit: result.count - 1,
            blocks: result, lockAnnotations: f.lockAnnotations.isEmpty ? nil : f.lockAnnotations)
    }
}
