import AIOAudit
import ArgumentParser
import Foundation

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook", abstract: "Git hooks.", subcommands: [HookInstallCommand.self])
}

struct HookInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract:
            "Install a pre-commit hook that blocks commits introducing findings in the aio files (aio-audit diff --staged --hook)."
    )

    @Flag(help: "Replace an existing pre-commit hook.")
    var force = false

    @Option(
        name: .customLong("path"),
        help: ArgumentHelp(
            "A file the hook looks at (repeatable; default: the aio subsystem's files; `git config aio-audit.paths` overrides at run time).",
            valueName: "path"))
    var paths: [String] = []

    func run() throws {
        do {
            let path = try PreCommitHook.install(
                in: FileManager.default.currentDirectoryPath, tool: PreCommitHook.currentExecutable(), force: force,
                paths: paths.isEmpty ? PreCommitHook.defaultPaths : paths)
            write("installed \(path)\n")
        } catch {
            AIOAuditCommand.fail(error)
        }
    }
}
