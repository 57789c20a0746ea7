import AIOAudit
import ArgumentParser
import Foundation

enum FactsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct FactsCommand: ParsesC {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract:
            "Print every role the analysis uses (reference counts, pin counters, contexts, release paths) and where it came from."
    )

    @Argument(help: "The C file.")
    var file: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: FactsFormat = .text

    @Option(name: .long, help: "A built-in profile's name, or a JSON profile file.")
    var profile: String?

    @OptionGroup var parse: ParseOptions

    func run() throws {
        do {
            let chosen = try profile.map(Profiles.named)
            let unit = try Pipeline.parse(parse.request(for: file))
            parse.reportParse(unit)
            let check = Pipeline.check(unit, profile: chosen)
            write(format == .json ? FactsReport.json(check) : FactsReport.text(check))
        } catch {
            AIOAuditCommand.fail(error)
        }
    }
}
