import Foundation

/// The files a change touches, each before and after, from a patch or from git.
public struct Changes: Sendable {
    public var versions: [FileVersions] = []
    /// Files the tool does not check, with why.
    public var skipped: [String] = []

    static func isChecked(_ path: String) -> Bool { path.hasSuffix(".c") }

    /// A patch applied in memory: to `file` when given, otherwise to the files it names under
    /// `tree`. With `reverse`, the files already hold the patch and it is undone for "before".
    public static func fromPatch(_ patchPath: String, file: String?, tree: String, reverse: Bool) throws -> Changes {
        guard let data = FileManager.default.contents(atPath: patchPath) else {
            throw InputError(
                patchPath, FileManager.default.fileExists(atPath: patchPath) ? "cannot be read" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8), !data.prefix(65536).contains(0) else {
            throw InputError(patchPath, "is not a text patch")
        }
        let patch = try Patch.parse(text, name: patchPath)
        var changes = Changes()
        var targets = patch.files
        if let file {
            let checked = targets.filter { isChecked($0.path) }
            let base = (file as NSString).lastPathComponent
            var matching = checked.filter { file.hasSuffix($0.path) }
            if matching.isEmpty { matching = checked.filter { ($0.path as NSString).lastPathComponent == base } }
            if matching.isEmpty, Set(checked.map(\.path)).count == 1 { matching = checked }
            guard !matching.isEmpty else {
                throw InputError(
                    patchPath,
                    "changes no file that matches \(file) (it changes \(patch.files.map(\.path).joined(separator: ", ")))"
                )
            }
            for other in targets where !matching.contains(where: { $0.path == other.path }) {
                changes.skipped.append("\(other.path): not the file given")
            }
            targets = matching
        }
        // A series touches a file in several messages: applied in order (undone in reverse order).
        var order: [String] = []
        var texts: [String: (original: String?, current: String?, location: String)] = [:]
        for (n, fp) in (reverse ? Array(targets.reversed()) : targets).enumerated() {
            guard isChecked(fp.path) else {
                changes.skipped.append("\(fp.path): not a C file")
                continue
            }
            if fp.isBinary {
                changes.skipped.append("\(fp.path): binary patch")
                continue
            }
            let name = "\(patchPath) (\(fp.path), file patch \(n + 1))"
            // The side of the file that exists now: the old path going forwards, the new one when
            // undoing a patch that is already applied.
            let present = reverse ? (fp.newPath ?? fp.path) : (fp.oldPath ?? fp.path)
            let result = reverse ? (fp.oldPath ?? fp.path) : (fp.newPath ?? fp.path)
            let key = file ?? present
            if texts[key] == nil {
                let location = file ?? (tree as NSString).appendingPathComponent(present)
                let absent = reverse ? fp.isDeleted : fp.isNew
                let original = absent ? nil : try Parser.readSource(ParseRequest(path: location))
                texts[key] = (original, original, location)
                order.append(key)
            }
            var entry = texts[key]!
            if reverse ? fp.isNew : fp.isDeleted {
                entry.current = nil
            } else {
                entry.current = try fp.apply(to: entry.current ?? "", reverse: reverse, name: name)
            }
            if file == nil, result != present {
                entry.location = (tree as NSString).appendingPathComponent(reverse ? present : result)
            }
            texts[key] = entry
        }
        for key in order {
            let e = texts[key]!
            changes.versions.append(
                FileVersions(
                    path: e.location, before: reverse ? e.current : e.original, after: reverse ? e.original : e.current)
            )
        }
        return changes
    }

    /// Two revisions of a git work tree (HEAD absent: the working tree), or the index against HEAD.
    public static func fromGit(directory: String, base: String?, head: String?, staged: Bool, paths: [String]) throws
        -> Changes
    {
        let git = Git(directory: directory)
        let top = try git.topLevel()
        let baseCommit = try git.commit(base ?? "HEAD")
        let headCommit = try head.map { try git.commit($0) }
        var changes = Changes()
        for (status, path, oldPath) in try git.changedFiles(
            base: baseCommit, head: headCommit, staged: staged, paths: paths)
        {
            guard isChecked(path) else {
                changes.skipped.append("\(path): not a C file")
                continue
            }
            let before = status == "A" ? nil : try git.contents(oldPath ?? path, at: baseCommit)
            var after: String?
            if status != "D" {
                if staged {
                    after = try git.contents(path, at: "")
                } else if let headCommit {
                    after = try git.contents(path, at: headCommit)
                } else {
                    after = try git.workingContents(path)
                }
            }
            changes.versions.append(
                FileVersions(path: (top as NSString).appendingPathComponent(path), before: before, after: after))
        }
        return changes
    }
}
