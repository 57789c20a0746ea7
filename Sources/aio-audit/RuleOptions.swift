import AIOAudit
import ArgumentParser
import Foundation

/// Rules on and off: `--enable RULE`, `--disable RULE` (repeatable, `all` for every rule) and the
/// configuration file, which the command line overrides.
struct RuleOptions: ParsableArguments {
    @Option(
        name: .customLong("enable"),
        help: ArgumentHelp(
            "Report RULE (repeatable; all: every rule). Applied in order with --disable.", valueName: "rule"),
        completion: .list(["all"] + Rules.identifiers))
    var enabled: [String] = []

    @Option(
        name: .customLong("disable"),
        help: ArgumentHelp("Do not report RULE (repeatable; all: every rule).", valueName: "rule"),
        completion: .list(["all"] + Rules.identifiers))
    var disabled: [String] = []

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "A configuration file (default: .aio-audit.yaml in the file's directory or above, up to the repository's top).",
            valueName: "file"))
    var config: String?

    /// --enable and --disable in the order they were given (set from the command line by
    /// AIOAuditCommand.main; ArgumentParser keeps each option's values, not their interleaving).
    var ordered: [(enable: Bool, rule: String)]?

    enum CodingKeys: String, CodingKey { case enabled, disabled, config }

    /// The switches of an argument list, in order.
    static func switches(in arguments: [String]) -> [(enable: Bool, rule: String)] {
        var out: [(Bool, String)] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            for (name, enable) in [("--enable", true), ("--disable", false)] {
                if a == name, i + 1 < arguments.count {
                    out.append((enable, arguments[i + 1]))
                    i += 1
                } else if a.hasPrefix(name + "=") {
                    out.append((enable, String(a.dropFirst(name.count + 1))))
                }
            }
            i += 1
        }
        return out
    }

    /// What reports for `file`: its configuration file (or --config), then the switches.
    func selection(for file: String) throws -> RuleSelection {
        try selection(configuration: config ?? Configuration.find(for: file))
    }

    /// The same for a command that runs in a directory (`diff`).
    func selection(inDirectory directory: String) throws -> RuleSelection {
        try selection(configuration: config ?? Configuration.find(from: directory))
    }

    private func selection(configuration: String?) throws -> RuleSelection {
        var selection = RuleSelection()
        if let path = configuration {
            try Configuration.load(path, into: &selection)
        }
        try selection.apply(ordered ?? disabled.map { (false, $0) } + enabled.map { (true, $0) })
        return selection
    }
}

/// A command whose rules can be switched on and off.
protocol ChoosesRules: ParsableCommand {
    var rules: RuleOptions { get set }
}
