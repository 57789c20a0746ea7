import AIOAudit
import ArgumentParser
import Foundation

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Print a rule's rationale and examples, or list the rules.",
        discussion: "Rules: \(Rules.identifiers.joined(separator: ", ")).")

    @Argument(
        help: ArgumentHelp("A rule's identifier (without one: every rule, a line each).", valueName: "rule"),
        completion: .list(Rules.identifiers))
    var rule: String?

    func run() throws {
        guard let rule else {
            let width = Rules.identifiers.map { $0.count }.max() ?? 0
            for r in Rules.all {
                write(r.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + r.summary + "\n")
            }
            return
        }
        guard let text = Rules.explanation(of: rule) else {
            AIOAuditCommand.fail(InputError(rule, "no such rule (rules: \(Rules.identifiers.joined(separator: ", ")))"))
        }
        write(text)
    }
}
