import Foundation

/// `aio-audit hook install`: the only command that writes into the user's tree.
public enum PreCommitHook {
    static let marker = "# installed by aio-audit hook install"

    /// The aio subsystem's files: what the hook looks at unless told otherwise.
    public static let defaultPaths = Changes.aioSubsystem

    /// The hook: it asks git first whether the commit touches the files it looks at, so that a
    /// commit elsewhere costs one `git diff --cached --quiet`, not a parse. The tool is the one on
    /// PATH when the hook runs (an upgrade needs no reinstall), the installing binary otherwise.
    public static func script(tool: String, paths: [String] = defaultPaths) -> String {
        """
        #!/bin/sh
        \(marker)
        # Blocks a commit whose staged aio files introduce aio-audit findings; `git commit --no-verify`
        # skips it. The files it looks at: `git config aio-audit.paths "PATH..."`, else these.
        paths=$(git config --get aio-audit.paths) || paths=\(shellQuoted(paths.joined(separator: " ")))
        # shellcheck disable=SC2086 # the paths are a list
        git diff --cached --quiet -- $paths 2>/dev/null && exit 0
        tool=$(command -v aio-audit) || tool=\(shellQuoted(tool))
        # shellcheck disable=SC2086
        exec "$tool" diff --staged --hook -- $paths

        """
    }

    static func shellQuoted(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The running binary's absolute path, so the hook runs the same tool.
    public static func currentExecutable() -> String {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        return FileManager.default.isExecutableFile(atPath: exe) ? exe : "aio-audit"
    }

    /// Writes .git/hooks/pre-commit (wherever git keeps hooks); refuses to replace another hook
    /// unless forced.
    public static func install(in directory: String, tool: String, force: Bool, paths: [String] = defaultPaths)
        throws -> String
    {
        let git = Git(directory: directory)
        _ = try git.topLevel()
        var hooks = String(
            decoding: try git.run(["rev-parse", "--git-path", "hooks"], input: directory), as: UTF8.self
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        if !hooks.hasPrefix("/") {
            hooks = ((directory as NSString).appendingPathComponent(hooks) as NSString).standardizingPath
        }
        let path = (hooks as NSString).appendingPathComponent("pre-commit")
        if FileManager.default.fileExists(atPath: path), !force {
            throw InputError(path, "exists already; use --force to replace it")
        }
        do {
            try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            try Data(script(tool: tool, paths: paths).utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        } catch {
            throw InputError(path, "cannot be written: \(error.localizedDescription)")
        }
        return path
    }
}
