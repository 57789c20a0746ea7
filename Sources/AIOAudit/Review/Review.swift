import Foundation

/// A finding's place in a review: what a change introduces, fixes or leaves.
public enum ReviewClass: String, Codable, Sendable, CaseIterable {
    case introduced, fixed, unchanged

    /// SARIF's baselineState for the class.
    public var baselineState: String {
        switch self {
        case .introduced: return "new"
        case .fixed: return "absent"
        case .unchanged: return "unchanged"
        }
    }
}

public struct ReviewedFinding: Codable, Sendable {
    public var finding: Finding
    public var change: ReviewClass
    /// An unchanged finding whose severity the change moved: what it was before.
    public var previousSeverity: Severity?

    public init(finding: Finding, change: ReviewClass, previousSeverity: Severity? = nil) {
        self.finding = finding
        self.change = change
        self.previousSeverity = previousSeverity
    }

    /// "unchanged (now an error)": a severity change alone is no new finding.
    public var label: String {
        guard let previousSeverity, previousSeverity != finding.severity else { return change.rawValue }
        return "\(change.rawValue) (now \(finding.severity == .error ? "an error" : "a warning"))"
    }
}

/// One file before and after a change.
public struct FileReview: Sendable {
    /// The file as reports name it.
    public var path: String
    public var before: FileCheck?
    public var after: FileCheck?
    public var findings: [ReviewedFinding]

    /// How the file was parsed (the side after the change, or before it when it was deleted).
    public var mode: ParseMode? { (after ?? before)?.unit.mode }

    /// Parse errors the change adds: code they touch is missing from the review of the change,
    /// which counts as something it introduces (a patch that breaks the file hides its findings).
    public var addedParseErrors: Int {
        guard let after else { return 0 }
        return max(0, after.unit.errors.count - (before?.unit.errors.count ?? 0))
    }

    public func count(_ c: ReviewClass) -> Int { findings.filter { $0.change == c }.count }
}

/// The two versions of one file, as text (nil: the file does not exist on that side).
public struct FileVersions: Sendable {
    /// Where the file is: parsing looks for its compile database from there.
    public var path: String
    /// How reports name it (relative to the repository's top).
    public var display: String
    public var before: String?
    public var after: String?

    public init(path: String, display: String? = nil, before: String?, after: String?) {
        self.path = path
        self.display = display ?? path
        self.before = before
        self.after = after
    }
}

/// One message of a series, reviewed.
public struct PatchReview: Sendable {
    public var title: String?
    public var files: [FileReview]

    public var introduced: Int { files.map { $0.count(.introduced) }.reduce(0, +) }

    /// Whether the message introduces a finding or parse errors.
    public var introducesAnything: Bool { introduced > 0 || files.contains { $0.addedParseErrors > 0 } }
}

/// A whole change reviewed: each message of a series on its own, and the change as a whole.
public struct ChangeReview: Sendable {
    public var patches: [PatchReview]
    /// Each file from before the first message to after the last.
    public var files: [FileReview]
    public var skipped: [String]
    public var notes: [String]
    /// Every version parsed, with which side it is ("before", "after", "after [PATCH 2/4] ...").
    public var parsed: [(side: String, unit: TranslationUnitSyntax)]

    public var isSeries: Bool { patches.count > 1 }

    /// Drops the findings a baseline accepts from what the change leaves (introduced or
    /// unchanged), as many of each identity as it counts.
    public mutating func accept(_ baseline: [String: Int]) {
        func filtered(_ r: FileReview) -> FileReview {
            var r = r
            r.findings = Baseline.filter(r.findings, accepted: baseline) { $0.change == .fixed ? nil : $0.finding }
            return r
        }
        files = files.map(filtered)
        patches = patches.map { p in PatchReview(title: p.title, files: p.files.map(filtered)) }
    }

    /// Whether anything is introduced: by the change as a whole, or by any message of a series
    /// (a series must not break on the way: bisection lands on every message).
    public var introducesAnything: Bool {
        files.contains { $0.count(.introduced) > 0 || $0.addedParseErrors > 0 }
            || patches.contains { $0.introducesAnything }
    }
}

/// The result of work done on another thread, handed back under a lock.
final class ThreadResults<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Value] = [:]

    func put(_ value: Value, at index: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func value(at index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}

public enum Review {
    /// Checks both versions concurrently (two threads, each with its own libclang index) and
    /// classifies the findings by identity: rule, function, object, normalised statement.
    public static func review(
        _ versions: FileVersions, base: ParseRequest, profile: Profile?, suppressions: Bool = true,
        selection: RuleSelection = RuleSelection()
    ) throws -> FileReview {
        var changes = Changes()
        changes.versions = [versions]
        changes.steps = [ChangeStep(title: nil, versions: [versions])]
        let r = try review(changes, base: base, profile: profile, suppressions: suppressions, selection: selection)
        return r.files[0]
    }

    /// Reviews every step of a change and the change as a whole. Each distinct version of a file
    /// is parsed and checked once (a series of n messages: n + 1 versions), two at a time.
    public static func review(
        _ changes: Changes, base: ParseRequest, profile: Profile?, suppressions: Bool = true,
        selection: RuleSelection = RuleSelection()
    ) throws -> ChangeReview {
        struct Job {
            var path: String
            var display: String
            var text: String
            var side: String
        }
        var jobs: [Job] = []
        var index: [String: Int] = [:]
        func job(_ v: FileVersions, _ text: String?, side: String) {
            guard let text else { return }
            let key = v.path + "\u{0}" + text
            if index[key] == nil {
                index[key] = jobs.count
                jobs.append(Job(path: v.path, display: v.display, text: text, side: side))
            }
        }
        for v in changes.versions {
            job(v, v.before, side: "before")
            job(v, v.after, side: "after")
        }
        for step in changes.steps {
            for v in step.versions {
                job(v, v.before, side: "before \(step.title ?? "")")
                job(v, v.after, side: "after \(step.title ?? "")")
            }
        }
        let results = ThreadResults<Result<FileCheck, Error>>()
        let work = jobs
        // A file is in the aio model's scope when any of its versions is: a change that renames
        // what made it aio code is still reviewed with the model.
        let aioPaths = Set(jobs.filter { AIOScope.applies(to: $0.text) }.map(\.path))
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            var request = base
            request.path = work[i].path
            request.contents = work[i].text
            let r = Result { () throws -> FileCheck in
                var check = Pipeline.check(try Pipeline.parse(request), profile: profile)
                if suppressions { check.applySuppressions() }
                check.limitToScope(inScope: aioPaths.contains(work[i].path))
                check.apply(selection)
                check.rename(work[i].display)
                return check
            }
            results.put(r, at: i)
        }
        var checks: [FileCheck] = []
        for i in work.indices {
            // The first error in the order of the versions, whichever thread met it first.
            guard let r = results.value(at: i) else { continue }
            switch r {
            case .success(let c): checks.append(c)
            case .failure(let error): throw error
            }
        }
        func check(_ v: FileVersions, _ text: String?) -> FileCheck? {
            text.flatMap { index[v.path + "\u{0}" + $0] }.map { checks[$0] }
        }
        func fileReview(_ v: FileVersions) -> FileReview {
            let before = check(v, v.before)
            let after = check(v, v.after)
            return FileReview(
                path: v.display, before: before, after: after,
                findings: classify(before: before?.findings ?? [], after: after?.findings ?? []))
        }
        let files = changes.versions.map(fileReview)
        let patches =
            changes.steps.count > 1
            ? changes.steps.map { PatchReview(title: $0.title, files: $0.versions.map(fileReview)) }
            : [PatchReview(title: changes.steps.first?.title, files: files)]
        let parsed = zip(work, checks).map { (side: $0.0.side.trimmingCharacters(in: .whitespaces), unit: $0.1.unit) }
        return ChangeReview(
            patches: patches, files: files, skipped: changes.skipped, notes: changes.notes, parsed: parsed)
    }

    /// Matches findings by identity, as many times as each identity occurs; a matched finding
    /// whose severity changed remembers the old one.
    public static func classify(before: [Finding], after: [Finding]) -> [ReviewedFinding] {
        var earlier: [String: [Finding]] = [:]
        for f in before { earlier[Identity.of(f), default: []].append(f) }
        var result: [ReviewedFinding] = []
        var matched: [String: Int] = [:]
        for f in after {
            let id = Identity.of(f)
            let n = matched[id, default: 0]
            if let old = earlier[id], n < old.count {
                let old = old[n]
                matched[id] = n + 1
                result.append(
                    ReviewedFinding(
                        finding: f, change: .unchanged,
                        previousSeverity: old.severity == f.severity ? nil : old.severity))
            } else {
                result.append(ReviewedFinding(finding: f, change: .introduced))
            }
        }
        for f in before {
            let id = Identity.of(f)
            if matched[id, default: 0] > 0 {
                matched[id]! -= 1
            } else {
                result.append(ReviewedFinding(finding: f, change: .fixed))
            }
        }
        return result
    }
}
