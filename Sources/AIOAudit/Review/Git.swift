import Foundation

/// The git plumbing a review needs, run as an argument vector (never through a shell).
public struct Git: Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Runs git; returns standard output, or throws with git's own first line of complaint.
    func run(_ arguments: [String], input: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw InputError("git", "cannot be run: \(error.localizedDescription)")
        }
        // Standard error is drained on another thread, so that neither pipe fills and blocks git.
        let drained = ThreadResults<Data>()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            drained.put(err.fileHandleForReading.readDataToEndOfFile(), at: 0)
            group.leave()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errors = drained.value(at: 0) ?? Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message =
                String(decoding: errors, as: UTF8.self).split(separator: "\n").first.map(String.init)
                ?? "git \(arguments.joined(separator: " ")) failed"
            throw InputError(input, message)
        }
        return output
    }

    public func topLevel() throws -> String {
        String(decoding: try run(["rev-parse", "--show-toplevel"], input: directory), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The commit a revision names; a clear error when it names none.
    public func commit(_ revision: String) throws -> String {
        guard !revision.hasPrefix("-") else { throw InputError(revision, "is not a revision") }
        do {
            return String(
                decoding: try run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], input: revision),
                as: UTF8.self
            )
            .trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw InputError(revision, "is not a commit in \(directory)")
        }
    }

    /// C files that differ between two revisions (or the index and HEAD), limited to `paths`.
    public func changedFiles(base: String, head: String?, staged: Bool, paths: [String]) throws -> [(
        status: Character, path: String, oldPath: String?
    )] {
        var args = ["diff", "--name-status", "-z", "-M"]
        if staged { args += ["--cached", base] } else { args += [base] + (head.map { [$0] } ?? []) }
        args += ["--"] + paths
        let out = try run(args, input: "git diff")
        let fields = out.split(separator: 0, omittingEmptySubsequences: true).map {
            String(decoding: $0, as: UTF8.self)
        }
        var result: [(Character, String, String?)] = []
        var i = 0
        while i < fields.count {
            let status = fields[i].first ?? "M"
            if status == "R" || status == "C", i + 2 < fields.count {
                result.append((status, fields[i + 2], fields[i + 1]))
                i += 3
            } else if i + 1 < fields.count {
                result.append((status, fields[i + 1], nil))
                i += 2
            } else {
                break
            }
        }
        return result
    }

    /// A file's contents at a revision (`:path` is the index).
    public func contents(_ path: String, at revision: String) throws -> String {
        let spec = revision.isEmpty ? ":\(path)" : "\(revision):\(path)"
        let data = try run(["show", spec], input: spec)
        guard let text = String(data: data, encoding: .utf8) else { throw InputError(spec, "is not UTF-8 text") }
        return text
    }

    /// The working tree's current contents (for a diff against the working tree).
    public func workingContents(_ path: String) throws -> String {
        let full = (try topLevel() as NSString).appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: full), let text = String(data: data, encoding: .utf8)
        else {
            throw InputError(full, "cannot be read")
        }
        return text
    }
}
