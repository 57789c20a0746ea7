import Foundation

/// One step of a change: a message of a series (`[PATCH 2/4] ...`), or the whole change.
public struct ChangeStep: Sendable {
    /// The message's subject; nil for a plain diff or two revisions.
    public var title: String?
    public var versions: [FileVersions]
}

/// The files a change touches, each before and after, from a patch or from git.
public struct Changes: Sendable {
    /// The whole change: each file from before the first step to after the last.
    public var versions: [FileVersions] = []
    /// Each message of a series in order (one step for a single patch or two revisions).
    public var steps: [ChangeStep] = []
    /// Files the tool does not check, with why.
    public var skipped: [String] = []
    /// What the tool worked out about the input and says in one line (a patch already applied).
    public var notes: [String] = []

    public init() {}

    static func isChecked(_ path: String) -> Bool { path.hasSuffix(".c") }

    /// The aio subsystem's files: in a kernel tree, what a review looks at unless told otherwise
    /// (the model is for them; other files of a kernel change would parse, at a cost, for nothing).
    public static let aioSubsystem = [
        "fs/aio.c", "include/linux/aio.h", "include/linux/aio_types.h", "include/uapi/linux/aio_abi.h",
    ]

    /// A kernel tree holds fs/aio.c at its top.
    public static func isKernelTree(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("fs/aio.c"))
    }

    /// Where a patch's paths start when no tree is given: the working directory when the files
    /// the patch changes are there, else the top of the git repository around it (where `git
    /// apply` takes them from, run in a subdirectory), else the working directory.
    static func defaultTree(for patch: Patch, workingDirectory: String) -> String {
        let existing = patch.files.filter { !$0.isNew }.map { $0.oldPath ?? $0.path }
        func holds(_ dir: String) -> Bool {
            existing.contains { FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent($0)) }
        }
        if existing.isEmpty || holds(workingDirectory) { return workingDirectory }
        var dir = (workingDirectory as NSString).standardizingPath
        while true {
            if FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(".git")) {
                return holds(dir) ? dir : workingDirectory
            }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return workingDirectory }
            dir = parent
        }
    }

    /// How a patch meets the files it names.
    public enum Direction: Sendable {
        /// The files already hold it (`--reverse`): it is undone in memory for "before".
        case applied
        /// Forward, or, when it applies only in reverse, already applied (with a note).
        case either
    }

    /// A patch file's text; `-` reads standard input.
    public static func readPatch(_ path: String) throws -> String {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        let name = path == "-" ? "standard input" : path
        guard let data else {
            throw InputError(name, FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        if data.isEmpty { throw InputError(name, "is empty, not a patch") }
        guard let text = String(data: data, encoding: .utf8), !data.prefix(65536).contains(0) else {
            throw InputError(name, "is not a text patch")
        }
        return text
    }

    /// A patch applied in memory: to `file` when given, otherwise to the files it names under
    /// `tree` (nil: the working directory, or, when the patch's files are not there, the top of
    /// the git repository around it, as `git apply` takes them). `name` is how errors name the
    /// patch.
    public static func fromPatch(
        _ text: String, name: String, file: String?, tree: String?, direction: Direction, workingDirectory: String
    ) throws -> Changes {
        let patch = try Patch.parse(text, name: name)
        let tree = tree ?? defaultTree(for: patch, workingDirectory: workingDirectory)
        var changes = Changes()
        var messages = patch.messages
        if let file {
            let checked = patch.files.filter { isChecked($0.path) }
            let base = (file as NSString).lastPathComponent
            var matching = Set(checked.filter { file.hasSuffix($0.path) }.map(\.path))
            if matching.isEmpty {
                matching = Set(checked.filter { ($0.path as NSString).lastPathComponent == base }.map(\.path))
            }
            if matching.isEmpty, Set(checked.map(\.path)).count == 1 { matching = Set(checked.map(\.path)) }
            guard !matching.isEmpty else {
                throw InputError(
                    name,
                    "changes no file that matches \(file) (it changes \(patch.files.map(\.path).joined(separator: ", ")))"
                )
            }
            var others: [String] = []
            for other in patch.files where !matching.contains(other.path) && !others.contains(other.path) {
                others.append(other.path)
            }
            changes.skipped += others.map { "\($0): not the file given" }
            for i in messages.indices { messages[i].files.removeAll { !matching.contains($0.path) } }
        }
        // In a kernel tree, without a FILE, only the aio subsystem's files are reviewed.
        let scoped = file == nil && isKernelTree(tree)
        var seenSkipped: Set<String> = []
        for i in messages.indices {
            messages[i].files.removeAll { fp in
                let why =
                    !isChecked(fp.path)
                    ? "not a C file"
                    : fp.isBinary
                        ? "binary patch"
                        : scoped && !aioSubsystem.contains(fp.path)
                            ? "outside the aio subsystem (give it as FILE to review it)" : nil
                if let why, seenSkipped.insert(fp.path).inserted { changes.skipped.append("\(fp.path): \(why)") }
                return why != nil
            }
        }
        messages.removeAll { $0.files.isEmpty }
        var application = PatchApplication(name: name, file: file, tree: tree, workingDirectory: workingDirectory)
        switch direction {
        case .applied: try application.undo(messages)
        case .either:
            do {
                try application.forward(messages)
            } catch let forward as HunkMismatch {
                application = PatchApplication(name: name, file: file, tree: tree, workingDirectory: workingDirectory)
                do {
                    try application.undo(messages)
                } catch is HunkMismatch {
                    throw InputError(forward.file ?? name, "\(forward.detail), nor in reverse")
                }
                let where_ = application.order.compactMap { application.files[$0]?.display }.joined(separator: ", ")
                changes.notes.append(
                    "\(name == "-" ? "standard input" : name) is already applied to \(where_): reviewed as the change it made (as --reverse)"
                )
            }
        }
        changes.steps = application.steps
        changes.versions = application.order.compactMap { key in
            guard let f = application.files[key] else { return nil }
            return FileVersions(path: f.location, display: f.display, before: f.original, after: f.final)
        }
        return changes
    }

    /// Two revisions of a git work tree (HEAD absent: the working tree), or the index against HEAD.
    /// Files are named relative to the repository's top, as git names them.
    public static func fromGit(directory: String, base: String?, head: String?, staged: Bool, paths: [String]) throws
        -> Changes
    {
        let git = Git(directory: directory)
        let top = try git.topLevel()
        // In a kernel tree, without paths, only the aio subsystem's files are reviewed.
        let paths = paths.isEmpty && isKernelTree(top) ? aioSubsystem.map { ":(top)" + $0 } : paths
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
                FileVersions(
                    path: (top as NSString).appendingPathComponent(path), display: path, before: before, after: after))
        }
        changes.steps = [ChangeStep(title: nil, versions: changes.versions)]
        return changes
    }

    /// The change undone: what was "after" is "before", and a series is undone from its last step.
    public func reverted() -> Changes {
        var r = self
        func swap(_ v: FileVersions) -> FileVersions {
            FileVersions(path: v.path, display: v.display, before: v.after, after: v.before)
        }
        r.versions = versions.map(swap)
        r.steps = steps.reversed().map { s in
            ChangeStep(title: s.title.map { "revert \($0)" }, versions: s.versions.map(swap))
        }
        return r
    }
}

/// A patch's messages applied to the files in memory, one step per message.
struct PatchApplication {
    struct Tracked {
        /// Where the file is read from, and how reports name it.
        var location: String
        var display: String
        /// Before the first message and after the last.
        var original: String?
        var final: String?
    }

    let name: String
    let file: String?
    let tree: String
    let workingDirectory: String
    var files: [String: Tracked] = [:]
    var order: [String] = []
    /// The path a later message names a renamed file by -> the file's key.
    var aliases: [String: String] = [:]
    var steps: [ChangeStep] = []

    init(name: String, file: String?, tree: String, workingDirectory: String) {
        self.name = name == "-" ? "standard input" : name
        self.file = file
        self.tree = tree
        self.workingDirectory = workingDirectory
    }

    /// The file a file patch is about; read from disk the first time (`exists`: it is there now).
    mutating func key(for named: String, exists: Bool) throws -> String {
        let key = file ?? aliases[named] ?? named
        if files[key] == nil {
            let location = file ?? (tree as NSString).appendingPathComponent(named)
            let text = exists ? try Parser.readSource(ParseRequest(path: location)) : nil
            files[key] = Tracked(
                location: location, display: display(location),
                original: text, final: text)
            order.append(key)
        }
        return key
    }

    /// A file of the tree is named as the patch names it when no repository holds it.
    func display(_ location: String) -> String {
        DisplayPath.of(location, workingDirectory: workingDirectory, tree: file == nil ? tree : nil)
    }

    func title(_ message: PatchMessage, _ index: Int, of count: Int) -> String? {
        guard count > 1 else { return message.subject }
        guard let subject = message.subject, !subject.isEmpty else { return "[\(index + 1)/\(count)]" }
        return subject.hasPrefix("[") ? subject : "[\(index + 1)/\(count)] \(subject)"
    }

    func applying(_ fp: FilePatch, to text: String?, reverse: Bool, index: Int) throws -> String {
        do {
            return try fp.apply(to: text ?? "", reverse: reverse)
        } catch var mismatch as HunkMismatch {
            mismatch.file = "\(name) (\(fp.path), file patch \(index + 1))"
            throw mismatch
        }
    }

    /// The files do not hold the patch: each message applied in order.
    mutating func forward(_ messages: [PatchMessage]) throws {
        var index = 0
        for (m, message) in messages.enumerated() {
            var touched: [String] = []
            var before: [String: String?] = [:]
            for fp in message.files {
                let present = fp.oldPath ?? fp.path
                let key = try key(for: present, exists: !fp.isNew)
                if before[key] == nil {
                    before[key] = .some(files[key]!.final)
                    touched.append(key)
                }
                var f = files[key]!
                f.final = fp.isDeleted ? nil : try applying(fp, to: f.final, reverse: false, index: index)
                if file == nil, let new = fp.newPath, new != present {
                    aliases[new] = key
                    f.location = (tree as NSString).appendingPathComponent(new)
                    f.display = display(f.location)
                }
                files[key] = f
                index += 1
            }
            steps.append(
                ChangeStep(
                    title: title(message, m, of: messages.count),
                    versions: touched.map { k in
                        FileVersions(
                            path: files[k]!.location, display: files[k]!.display, before: before[k]!,
                            after: files[k]!.final)
                    }))
        }
    }

    /// The files already hold the patch: undone from the last message to the first, so that each
    /// message's before and after are known; the steps are then in the series' order.
    mutating func undo(_ messages: [PatchMessage]) throws {
        var index = messages.reduce(0) { $0 + $1.files.count }
        var undone: [ChangeStep] = []
        for (m, message) in messages.enumerated().reversed() {
            var touched: [String] = []
            var after: [String: String?] = [:]
            for fp in message.files.reversed() {
                index -= 1
                let present = fp.newPath ?? fp.path
                let key = try key(for: present, exists: !fp.isDeleted)
                if after[key] == nil {
                    after[key] = .some(files[key]!.original)
                    touched.insert(key, at: 0)
                }
                var f = files[key]!
                f.original = fp.isNew ? nil : try applying(fp, to: f.original, reverse: true, index: index)
                if file == nil, let old = fp.oldPath, old != present { aliases[old] = key }
                files[key] = f
            }
            undone.append(
                ChangeStep(
                    title: title(message, m, of: messages.count),
                    versions: touched.map { k in
                        FileVersions(
                            path: files[k]!.location, display: files[k]!.display, before: files[k]!.original,
                            after: after[k]!)
                    }))
        }
        steps = undone.reversed()
    }
}

/// How reports name a file: relative to the top of the git repository that holds it (what code
/// scanning and annotations attach to), else to the tree a patch names it in, else to the working
/// directory, else as given.
public enum DisplayPath {
    public static func of(_ path: String, workingDirectory: String, tree: String? = nil) -> String {
        let absolute =
            ((path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path))
            as NSString).standardizingPath
        var directory = (absolute as NSString).deletingLastPathComponent
        while !directory.isEmpty {
            if FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(".git")) {
                return relative(absolute, to: directory) ?? path
            }
            if directory == "/" { break }
            directory = (directory as NSString).deletingLastPathComponent
        }
        if let tree, let named = relative(absolute, to: absoluteDirectory(tree, workingDirectory)) { return named }
        return relative(absolute, to: (workingDirectory as NSString).standardizingPath) ?? path
    }

    static func absoluteDirectory(_ dir: String, _ workingDirectory: String) -> String {
        ((dir.hasPrefix("/") ? dir : (workingDirectory as NSString).appendingPathComponent(dir)) as NSString)
            .standardizingPath
    }

    static func relative(_ path: String, to directory: String) -> String? {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }
}
