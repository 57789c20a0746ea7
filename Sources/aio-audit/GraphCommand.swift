import AIOAudit
import ArgumentParser
import Foundation

extension GraphFormat: ExpressibleByArgument {}

struct GraphCommand: ParsesC {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the flow graph of every function (or one) with its refcount/lock/RCU events."
    )

    @Argument(help: "The C file (fs/aio.c of any era); extra compiler arguments go after --.")
    var file: String

    @Option(name: .long, help: "Only this function.")
    var function: String?

    @Option(name: .long, help: "Output format: text, dot or json.")
    var format: GraphFormat = .text

    @Flag(
        name: .long,
        help:
            "Instead of the flow graphs: the file's lock classes and the order they are taken in (the whole check runs)."
    )
    var lockOrder = false

    @OptionGroup var parse: ParseOptions

    func run() throws {
        do {
            let unit = try Pipeline.parse(parse.request(for: file))
            parse.reportParse(unit)
            if lockOrder {
                let order = Pipeline.check(unit).lockOrder
                let out: String
                switch format {
                case .text: out = LockOrderReport.text(order)
                case .json: out = LockOrderReport.json(order)
                case .dot: out = LockOrderReport.dot(order, name: unit.path)
                }
                FileHandle.standardOutput.write(Data(out.utf8))
                return
            }
            var graphs = Pipeline.graphs(unit)
            if let function { graphs = try graphs.selecting(function: function) }
            FileHandle.standardOutput.write(Data(GraphReport.render(graphs, as: format).utf8))
        } catch {
            AIOAuditCommand.fail(error)
        }
    }
}
