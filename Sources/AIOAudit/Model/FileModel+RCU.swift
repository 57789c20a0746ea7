/// RCU-protected lists and tables: how an object leaves one, and whether a grace period passes
/// before the list's reference is dropped.
extension FileModel {
    // MARK: RCU-protected lists

    /// For each unlink of a tracked object from an RCU list (`hlist_del_rcu(&x->list)`) or
    /// table (`table->table[x->id] = NULL`, `RCU_INIT_POINTER(table->table[x->id], NULL)`): does
    /// some path from it put x before a grace period? Then a reader that found x through the list
    /// may see its count at zero, and only a try-get is safe. percpu_ref_kill() drops the initial
    /// reference after a sched-RCU grace period, which covers rcu_read_lock() readers only since
    /// the RCU flavours were consolidated (4.20).
    mutating func inferRCUUnlinks() {
        for name in order {
            guard let g = graphs[name] else { continue }
            for (bi, block) in g.blocks.enumerated() {
                for (i, e) in block.events.enumerated() {
                    guard let object = unlinkedObject(e, in: g), let t = type(of: AccessPath(root: object), in: g),
                        trackedTypes[t] != nil
                    else { continue }
                    guard let put = putBeforeGracePeriod(from: bi, index: i + 1, object: object, in: g) else {
                        if rcuUnlinks[t] == nil {
                            rcuUnlinks[t] = (
                                true,
                                Evidence(
                                    source: .inferred, function: name, line: e.line,
                                    detail: "\(e.text), no put before a grace period")
                            )
                        }
                        continue
                    }
                    if rcuUnlinks[t]?.graceful != false {
                        let how =
                            KernelFunctions.killingAfterSchedGracePeriod.contains(put.callee ?? "")
                            ? "with only the sched-RCU grace period of percpu_ref_kill() between, which does not wait for rcu_read_lock() readers before Linux 4.20"
                            : "with no grace period between"
                        rcuUnlinks[t] = (
                            false,
                            Evidence(
                                source: .inferred, function: name, line: e.line,
                                detail: "\(e.text) then \(put.text) at line \(put.line) \(how)")
                        )
                    }
                }
            }
        }
    }

    /// The tracked object an event takes out of an RCU-protected list or table, if it does.
    func unlinkedObject(_ e: Event, in g: FlowGraph) -> String? {
        if e.kind == .call, let c = e.callee, KernelFunctions.rcuUnlinking.contains(c),
            let (object, _) = FileModel.fieldOf(e.arguments?.first)
        {
            return object.root
        }
        // A table slot cleared: the object is the tracked variable that indexes it.
        var slot: String?
        if e.kind == .call, KernelFunctions.rcuPublishing.contains(e.callee ?? ""),
            let args = e.arguments, args.count == 2, args[1].text == "NULL"
        {
            slot = args[0].text
        } else if e.kind == .assignment, e.value == "NULL", let text = e.text.components(separatedBy: "=").first {
            slot = text
        }
        guard let slot, let open = slot.firstIndex(of: "[") else { return nil }
        return FileModel.memberReferences(in: String(slot[open...])).map(\.0.root).first {
            isTracked(AccessPath(root: $0), in: g)
        }
    }

    /// The first put of `object` reachable from (block, index) without passing a grace period.
    func putBeforeGracePeriod(from block: Int, index: Int, object: String, in g: FlowGraph) -> Event? {
        func isPut(_ e: Event) -> Bool {
            guard e.kind == .call, let c = e.callee else { return false }
            let args = e.arguments ?? []
            if let role = roles[c], role.kind == .put, args[safe: role.parameter]?.path == AccessPath(root: object) {
                return true
            }
            guard let (o, f) = FileModel.fieldOf(args.first), o.root == object,
                refcountFields.values.contains(where: { $0.contains(f) })
            else { return false }
            if KernelFunctions.killingAfterSchedGracePeriod.contains(c) { return !schedGracePeriodWaitsForRCUReaders }
            return KernelFunctions.decrementAndTest.contains(c) || KernelFunctions.putWithRelease.contains(c)
                || KernelFunctions.putWithRegisteredRelease.contains(c)
        }
        var stack: [(Int, Int)] = [(block, index)]
        var seen: Set<Int> = []
        while let (b, start) = stack.popLast() {
            var stopped = false
            for e in g.blocks[b].events[start...] {
                if e.kind == .call, KernelFunctions.freeingAfterGracePeriod.contains(e.callee ?? "") {
                    stopped = true
                    break
                }
                if isPut(e) { return e }
            }
            if stopped { continue }
            for s in g.blocks[b].successors where seen.insert(s.target).inserted { stack.append((s.target, 0)) }
        }
        return nil
    }

    /// The lock held where objects of a type leave their RCU list or table (its field's name:
    /// `ioctx_lock` for `spin_lock(&mm->ioctx_lock); table->table[id] = NULL;`): the last lock the
    /// unlinking function takes before the unlink and has not released there.
    mutating func inferRemovalLocks() {
        for (type, unlink) in rcuUnlinks {
            guard let function = unlink.evidence.function, let line = unlink.evidence.line,
                let g = graphs[function]
            else { continue }
            if let lock = lockHeld(at: line, in: g), !lock.isVariable { removalLocks[type] = lock.lockName }
        }
    }
}
