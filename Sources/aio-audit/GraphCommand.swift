import AIOAudit
import ArgumentParser
import Foundation

extension GraphFormat: ExpressibleByArgument {}

struct GraphCommand: ParsesC {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the flow graph of every function (or one) with its refcount/lock/RCU events."
    )

    @Argument(help: "The C file (fs/aio.c of any era).")
    var file: String

    @Option(name: .long, help: "Only this function.")
    var function: String?

    @Option(name: .long, help: "Output format: text, dot or json.")
    var format: GraphFormat = .text

    @OptionGroup var parse: ParseOptions

    func run() throws {
        do {
            let unit = try Pipeline.parse(parse.request(for: file))
            parse.reportParse(unit)
            var graphs = Pipeline.graphs(unit)
            if let function { graphs = try graphs.selecting(function: function) }
            FileHandle.standardOutput.write(Data(GraphReport.render(graphs, as: format).utf8))
        } catch {
            AIOAuditCommand.fail(error)
        }
    }
}
