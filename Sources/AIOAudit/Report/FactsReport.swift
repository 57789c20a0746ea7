import Foundation

/// `aio-audit facts`: every role the analysis uses, and why it believes it.
public enum FactsReport {
    static func source(_ e: Evidence) -> String {
        switch e.source {
        case .profile: return "from the profile: \(e.detail)"
        case .inferred:
            let at = e.line.map { "line \($0)" } ?? "the file"
            return "inferred at \(at)\(e.function.map { " in \($0)()" } ?? ""): \(e.detail)"
        }
    }

    public static func text(_ c: FileCheck) -> String {
        let m = c.model
        var out = "\(c.unit.path): parsed in \(c.unit.mode.rawValue) mode\n"
        if !c.isAIOCode {
            out +=
                "scope: generic (\(AIOScope.outside)): only the generic rules report; the aio rules and the era profile do not apply\n"
        }
        out += "profile: \(m.profile.profile.name) (\(m.profile.reason))\n"
        out += "  RCU flavours consolidated (4.20+): \(m.profile.profile.rcuConsolidated ? "yes" : "no")\n"
        out += "\nreference counts:\n"
        for r in m.roles.values.sorted(by: { $0.function < $1.function }) {
            var line = "  \(r.function): \(r.kind.rawValue) of struct \(r.type) (argument \(r.parameter + 1)"
            if let f = r.field { line += ", field \(f)" }
            line += ")"
            if let rel = r.release { line += ", release \(rel)" }
            out += line + "\n    \(source(r.evidence))\n"
        }
        for (field, reg) in m.registeredReleases.sorted(by: { $0.key < $1.key }) where field.contains(".") {
            out += "  percpu_ref counter \(field): release \(reg.release)\n    \(source(reg.evidence))\n"
        }
        for (key, c) in m.counterReleases.sorted(by: { $0.key < $1.key }) {
            out += "  counter \(key): release \(c.release)\n    \(source(c.evidence))\n"
        }
        out += "\ntracked types:\n"
        for (t, e) in m.trackedTypes.sorted(by: { $0.key < $1.key }) { out += "  struct \(t)\n    \(source(e))\n" }
        out += "\npin counters:\n"
        for p in m.pinCounters { out += "  struct \(p.type).\(p.field)\n    \(source(p.evidence))\n" }
        out += "\nrequest-pin releases (on every path):\n"
        for (f, params) in m.requestPinReleases.sorted(by: { $0.key < $1.key }) {
            let names = params.sorted().map { i in m.graphs[f]?.parameters[safe: i]?.name ?? "#\(i)" }
            out += "  \(f)(): \(names.joined(separator: ", "))\n"
        }
        out += "\nentry contexts:\n"
        for name in m.order {
            for ctx in m.contexts[name] ?? [] {
                out +=
                    "  \(name): \(ctx.kind.rawValue)\(ctx.via.map { " (reached only from \($0)())" } ?? "")\n    \(source(ctx.evidence))\n"
            }
        }
        out += "\nrelease paths:\n"
        for release in m.releaseFunctions.sorted() {
            out += "  \(release):"
            if m.graphs[release] == nil {
                out += " not defined in the file\n"
                continue
            }
            out += "\n"
            for (effect, chain) in (m.effects[release] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let path = chain.map { "\($0.function):\($0.line) \($0.callee)()" }.joined(separator: " -> ")
                out += "    \(effect.rawValue): \(path)\n"
            }
            if let how = m.releaseFrees[release] {
                out += "    frees its object: \(how == .frees ? "at once" : "after a grace period")\n"
            }
        }
        out += "\nRCU-protected lists and tables:\n"
        for (t, u) in m.rcuUnlinks.sorted(by: { $0.key < $1.key }) {
            let verdict = u.graceful ? "its reference is dropped after a grace period" : "a plain get on it is unsafe"
            out += "  struct \(t): \(verdict)\n    \(source(u.evidence))\n"
        }
        out += "\nteardown drains:\n"
        for d in m.drains {
            out +=
                "  struct \(d.type): \(d.function)() sets \(d.flag) (line \(d.flagLine)), then waits for \(d.counter) to drain\n    \(source(d.wait))\n"
        }
        out += "\nlookup containers (fields objects are found through, with a reference taken):\n"
        for f in m.lookupFields.sorted() { out += "  \(f)\n" }
        out += "\nfunction summaries (what callers read):\n"
        for name in m.order {
            guard let s = c.summaries[name] else { continue }
            var parts: [String] = []
            for (lock, when) in s.acquires { parts.append("returns holding \(lock.path) \(when.rawValue)") }
            for lock in s.releases { parts.append("releases its caller's \(lock.path)") }
            for lock in s.obscures { parts.append("may or may not release its caller's \(lock.path)") }
            for (context, when) in s.enters { parts.append("returns inside \(context) \(when.rawValue)") }
            for context in s.leaves { parts.append("leaves its caller's \(context)") }
            if let chain = s.sleeps {
                parts.append(
                    "may sleep: " + chain.map { "\($0.function):\($0.line) \($0.callee)()" }.joined(separator: " -> "))
            }
            if s.returnsReference { parts.append("returns a new reference") }
            if !s.keeps.isEmpty {
                let names = s.keeps.sorted().map { i in m.graphs[name]?.parameters[safe: i]?.name ?? "#\(i)" }
                parts.append("keeps \(names.joined(separator: ", "))")
            }
            guard !parts.isEmpty else { continue }
            out += "  \(name): \(parts.joined(separator: "; "))\n"
        }
        out += "\n" + LockOrderReport.text(c.lockOrder)
        return out
    }

    struct JSONFacts: Encodable {
        var file: String
        var profile: String
        var profileReason: String
        var roles: [RefcountRole]
        var trackedTypes: [String]
        var pinCounters: [PinCounter]
        var requestPinReleases: [String: [Int]]
        var contexts: [String: [EntryContext]]
        var releaseEffects: [String: [String: [ChainStep]]]
        var summaries: [String: JSONSummary]
        var rcuUnlinks: [String: JSONUnlink]
        var lockOrder: LockOrderReport.JSONOrder
    }

    struct JSONSummary: Encodable {
        var acquires: [String]
        var releases: [String]
        var enters: [String]
        var leaves: [String]
        var sleeps: [ChainStep]?
        var returnsReference: Bool
        var keeps: [Int]
    }

    struct JSONUnlink: Encodable {
        var graceful: Bool
        var evidence: Evidence
    }

    public static func json(_ c: FileCheck) -> String {
        let m = c.model
        let facts = JSONFacts(
            file: c.unit.path, profile: m.profile.profile.name, profileReason: m.profile.reason,
            roles: m.roles.values.sorted { $0.function < $1.function }, trackedTypes: m.trackedTypes.keys.sorted(),
            pinCounters: m.pinCounters, requestPinReleases: m.requestPinReleases.mapValues { $0.sorted() },
            contexts: m.contexts,
            releaseEffects: Dictionary(
                uniqueKeysWithValues: m.releaseFunctions.map { r in
                    (r, Dictionary(uniqueKeysWithValues: (m.effects[r] ?? [:]).map { ($0.key.rawValue, $0.value) }))
                }),
            summaries: c.summaries.mapValues { s in
                JSONSummary(
                    acquires: s.acquires.map { "\($0.lock.path) \($0.when.rawValue)" },
                    releases: s.releases.map { $0.path.description },
                    enters: s.enters.map { "\($0.context) \($0.when.rawValue)" }, leaves: s.leaves.map(\.description),
                    sleeps: s.sleeps,
                    returnsReference: s.returnsReference, keeps: s.keeps.sorted())
            },
            rcuUnlinks: m.rcuUnlinks.mapValues { JSONUnlink(graceful: $0.graceful, evidence: $0.evidence) },
            lockOrder: LockOrderReport.jsonValue(c.lockOrder))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(facts)) ?? Data(), as: UTF8.self) + "\n"
    }
}
