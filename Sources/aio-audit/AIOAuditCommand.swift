import AIOAudit
import ArgumentParser
import Foundation

@main
struct AIOAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aio-audit",
        abstract: "Find object-lifetime bugs in the Linux kernel's asynchronous I/O code (fs/aio.c).",
        subcommands: [GraphCommand.self]
    )

    /// Usage errors end with status 2 like input errors (ArgumentParser's own default is 64);
    /// help and version requests end with 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode {
                exit(withError: error)
            }
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            FileHandle.standardError.write(Data("aio-audit: error: \(message)\n".utf8))
            Foundation.exit(2)
        }
    }

    /// Input problems end with one line and status 2.
    static func fail(_ error: Error) -> Never {
        let message = (error as? InputError)?.description ?? "\(error)"
        FileHandle.standardError.write(Data("aio-audit: error: \(message)\n".utf8))
        Foundation.exit(2)
    }
}

/// Options every subcommand that parses C shares.
struct ParseOptions: ParsableArguments {
    @Option(
        name: .customShort("p"),
        help: ArgumentHelp("Directory holding compile_commands.json (default: searched upward from the file).", valueName: "dir"))
    var compileDatabase: String?

    @Flag(help: "Parse with the built-in kernel prelude even inside a kernel tree.")
    var standalone = false

    @Flag(name: .shortAndLong, help: "Say how the file was parsed (mode, rounds, synthesised declarations, parse errors).")
    var verbose = false

    @Argument(parsing: .postTerminator, help: "Extra compiler arguments, after --.")
    var compilerArguments: [String] = []

    func request(for path: String) -> ParseRequest {
        ParseRequest(
            path: path, compileDatabaseDirectory: compileDatabase, standalone: standalone,
            extraArguments: compilerArguments)
    }

    /// What --verbose prints to standard error, and the warning everyone gets when parse errors
    /// remain (they may hide code from the analysis).
    func reportParse(_ unit: TranslationUnitSyntax) {
        var lines: [String] = []
        if verbose {
            lines.append(
                "\(unit.path): parsed in \(unit.mode.rawValue) mode, \(unit.parseRounds) round\(unit.parseRounds == 1 ? "" : "s"), \(unit.functions.count) functions"
            )
            for s in unit.synthesised { lines.append("\(unit.path): synthesised \(s)") }
            for e in unit.errors { lines.append("\(e.file):\(e.line):\(e.column): parse error: \(e.message)") }
        }
        if !unit.errors.isEmpty {
            lines.append(
                "\(unit.path): warning: \(unit.errors.count) parse error\(unit.errors.count == 1 ? "" : "s") remain in \(unit.mode.rawValue) mode; code they touch may be missing from the analysis\(verbose ? "" : " (--verbose lists them)")"
            )
        }
        if !lines.isEmpty {
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
}

extension GraphFormat: ExpressibleByArgument {}

struct GraphCommand: ParsableCommand {
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
            let unit = try Parser.parse(parse.request(for: file))
            parse.reportParse(unit)
            var graphs = FileGraphs(unit: unit)
            if let function { graphs = try graphs.selecting(function: function) }
            FileHandle.standardOutput.write(Data(GraphReport.render(graphs, as: format).utf8))
        } catch {
            AIOAuditCommand.fail(error)
        }
    }
}
