import Foundation

/// `aio-audit hook install`: the only command that writes into the user's tree.
public enum PreCommitHook {
    static let marker = "# installed by aio-audit hook install"

    public static func script(tool: String) -> String {
        """
        #!/bin/sh
        \(marker)
        # Blocks a commit whose staged C files introduce aio-audit findings.
        exec "\(tool)" diff --staged

        """
    }

    /// The running binary's absolute path, so the hook runs the same tool.
    public static func currentExecutable() -> String {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        return FileManager.default.isExecutableFile(atPath: exe) ? exe : "aio-audit"
    }

    /// Writes .git/hooks/pre-commit (wherever git keeps hooks); refuses to replace another hook
    /// unless forced.
    public static func install(in directory: String, tool: String, force: Bool) throws -> String {
        let git = Git(directory: directory)
        _ = try git.topLevel()
        var hooks = String(
            decoding: try git.run(["rev-parse", "--git-path", "hooks"], input: directory), as: UTF8.self
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        if !hooks.hasPrefix("/") { hooks = (directory as NSString).appendingPathComponent(hooks) }
        let path = (hooks as NSString).appendingPathComponent("pre-commit")
        if FileManager.default.fileExists(atPath: path), !force {
            throw InputError(path, "exists already; use --force to replace it")
        }
        do {
            try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            try Data(script(tool: tool).utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        } catch {
            throw InputError(path, "cannot be written: \(error.localizedDescription)")
        }
        return path
    }
}
