import Foundation
import Yams

/// Which rules report: every rule unless the configuration file or the command line says
/// otherwise. The configuration file (`.aio-audit.yaml` at the repository's top) turns rules off
/// for the whole file or for named functions, each with its reason; `--enable RULE` and
/// `--disable RULE` (`all` for every rule) come after it, in their order, so the command line
/// has the last word.
public struct RuleSelection: Sendable, Equatable {
    /// Rules off everywhere.
    public private(set) var disabled: Set<String> = []
    /// function -> rules off in it, and why.
    public private(set) var disabledIn: [String: Set<String>] = [:]
    /// Why each rule (or function) is off, as the configuration says.
    public private(set) var reasons: [String: String] = [:]

    public init() {}

    static func validated(_ rule: String, source: String) throws -> [String] {
        if rule == "all" { return Rules.identifiers }
        guard Rules.identifiers.contains(rule) else {
            throw InputError(
                source, "no rule \(rule) (rules: all, \(Rules.identifiers.joined(separator: ", ")))")
        }
        return [rule]
    }

    public mutating func enable(_ rule: String, source: String = "--enable") throws {
        for r in try Self.validated(rule, source: source) {
            disabled.remove(r)
            for f in disabledIn.keys { disabledIn[f]?.remove(r) }
        }
    }

    public mutating func disable(_ rule: String, source: String = "--disable") throws {
        disabled.formUnion(try Self.validated(rule, source: source))
    }

    public mutating func disable(_ rule: String, in function: String, source: String) throws {
        disabledIn[function, default: []].formUnion(try Self.validated(rule, source: source))
    }

    public func reports(_ rule: String, in function: String) -> Bool {
        !disabled.contains(rule) && disabledIn[function]?.contains(rule) != true
    }

    /// The command line's `--enable` and `--disable`, in the order given.
    public mutating func apply(_ switches: [(enable: Bool, rule: String)]) throws {
        for s in switches {
            if s.enable { try enable(s.rule) } else { try disable(s.rule) }
        }
    }
}

/// The configuration file: YAML, at the top of the repository (or named with --config).
///
///     rules:
///       rcu-accessor:
///         enabled: false
///         reason: this tree reads the table under its writers' lock
///     functions:
///       aio_poll_wake:
///         disable: [lock-imbalance]
///         reason: the trylock's lock is dropped by the caller on success
///
/// Every setting needs its reason, as a suppression in the source does.
public enum Configuration {
    public static let fileName = ".aio-audit.yaml"

    /// The configuration for a file: `.aio-audit.yaml` in its directory or one above it, up to the
    /// repository's top (the directory that holds `.git`).
    public static func find(for file: String) -> String? {
        find(
            from: URL(fileURLWithPath: WorkingDirectory.resolve(file)).standardizedFileURL.deletingLastPathComponent()
                .path)
    }

    /// The same, looked for from a directory (`diff`: where it runs).
    public static func find(from directory: String) -> String? {
        var dir = directory
        let fm = FileManager.default
        while true {
            let candidate = (dir as NSString).appendingPathComponent(fileName)
            if fm.fileExists(atPath: candidate) { return candidate }
            if fm.fileExists(atPath: (dir as NSString).appendingPathComponent(".git")) || dir == "/" || dir.isEmpty {
                return nil
            }
            dir = (dir as NSString).deletingLastPathComponent
        }
    }

    /// The file's settings added to `selection`.
    public static func load(_ path: String, into selection: inout RuleSelection) throws {
        guard let text = try? String(contentsOfFile: WorkingDirectory.resolve(path), encoding: .utf8) else {
            throw InputError(path, "cannot be read")
        }
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw InputError(path, "is not YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        guard let top = (root ?? [String: Any]()) as? [String: Any] else {
            throw InputError(path, "must be a mapping with `rules:` and `functions:`")
        }
        for key in top.keys where key != "rules" && key != "functions" {
            throw InputError(path, "unknown setting `\(key)` (settings: rules, functions)")
        }
        // Each entry of a section: a mapping of `setting` and its reason, nothing else.
        func entries(_ section: String, _ setting: String) throws -> [(name: String, value: Any?, reason: String)] {
            try (top[section] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }).map { name, value in
                let what = "\(section).\(name)"
                guard let entry = value as? [String: Any] else {
                    throw InputError(path, "\(what): expected `\(setting):` and `reason:`")
                }
                for key in entry.keys where key != setting && key != "reason" {
                    throw InputError(path, "\(what): unknown setting `\(key)` (\(setting), reason)")
                }
                guard let r = entry["reason"] as? String, !r.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw InputError(path, "\(what): a reason is required (reason: WHY)")
                }
                return (name, entry[setting], r)
            }
        }
        for (rule, value, why) in try entries("rules", "enabled") {
            guard let enabled = value as? Bool else {
                throw InputError(path, "rules.\(rule): `enabled:` must be true or false")
            }
            if enabled {
                try selection.enable(rule, source: path)
            } else {
                try selection.disable(rule, source: path)
            }
            selection.setReason(why, for: rule)
        }
        for (function, value, why) in try entries("functions", "disable") {
            guard let list = (value as? String).map({ [$0] }) ?? (value as? [String]) else {
                throw InputError(path, "functions.\(function): `disable:` must name rules")
            }
            for rule in list { try selection.disable(rule, in: function, source: path) }
            selection.setReason(why, for: "\(function)()")
        }
    }
}

extension RuleSelection {
    mutating func setReason(_ reason: String, for key: String) { reasons[key] = reason }
}

extension FileCheck {
    /// Drops the findings of rules the selection turns off (for the file, or in their function).
    public mutating func apply(_ selection: RuleSelection) {
        findings.removeAll { !selection.reports($0.rule, in: $0.function) }
    }
}
