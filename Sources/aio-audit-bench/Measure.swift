import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// Timing and child processes for the benchmark program.

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// What one run of a child process left behind.
struct Outcome {
    /// Exit status, or 128 + the signal that ended it.
    var status: Int32
    var seconds: Double
    /// User and system CPU time of the child (wait4's rusage), in seconds.
    var cpuSeconds: Double
    /// Peak resident set of the child (wait4's ru_maxrss), in KiB.
    var maxRSS: Int
    /// Its standard output, when asked for.
    var output: String?
}

struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// A tiny C launcher, built once per run with the C compiler at hand: it forks, execs its
/// arguments, and writes the child's wait4() ru_maxrss and exit status to a file. Spawning the
/// measured command from this process would not do: posix_spawn's child shares this process's
/// memory until its exec, and Linux carries that peak over the exec into ru_maxrss (this process
/// holds libclang and parsed files: 100 MiB and more). Forked from the launcher, whose own
/// peak is about a megabyte, the child's figure is its own.
enum RSSLauncher {
    static let source = """
        #include <errno.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <sys/resource.h>
        #include <sys/wait.h>
        #include <unistd.h>
        int main(int argc, char **argv) {
            if (argc < 3) return 125;
            pid_t pid = fork();
            if (pid < 0) return 126;
            if (pid == 0) { execvp(argv[2], argv + 2); _exit(127); }
            int status; struct rusage ru;
            while (wait4(pid, &status, 0, &ru) < 0) if (errno != EINTR) return 126;
            int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            FILE *f = fopen(argv[1], "w");
            if (!f) return 126;
            fprintf(f, "%ld %d\\n", (long)ru.ru_maxrss, code);
            fclose(f);
            return code;
        }
        """

    /// The launcher's path, or nil when no C compiler is found (peak memory is then not shown).
    nonisolated(unsafe) static var path: String?

    static func build(in directory: URL, compilers: [String]) {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let c = directory.appendingPathComponent("rss-launcher.c")
        let exe = directory.appendingPathComponent("rss-launcher")
        guard (try? Data(source.utf8).write(to: c)) != nil else { return }
        for cc in compilers {
            if let o = try? spawn(cc, ["-O1", "-o", exe.path, c.path]), o.status == 0 {
                path = exe.path
                return
            }
        }
    }
}

/// Runs a program to completion, standard error discarded (standard output too unless
/// `capture`); returns its status and wall time, and with `memory` its peak resident set (through
/// the launcher above; timed runs are spawned directly, so the launcher's fork costs them
/// nothing). posix_spawn rather than Foundation's Process, whose own start-up cost (tens of
/// milliseconds here) would swamp what is measured.
@discardableResult
func spawn(_ executable: String, _ arguments: [String], capture: Bool = false, memory: Bool = false) throws -> Outcome {
    let scratch = FileManager.default.temporaryDirectory
    let rssFile = scratch.appendingPathComponent("aio-audit-bench-\(getpid())-rss.txt").path
    var argv = [executable] + arguments
    if memory, let launcher = RSSLauncher.path { argv = [launcher, rssFile] + argv }
    var cArgv = argv.map { strdup($0) }
    cArgv.append(nil)
    defer { cArgv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var outputPath: String?
    if capture {
        let path = scratch.appendingPathComponent("aio-audit-bench-\(getpid())-out.txt").path
        posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        outputPath = path
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    let t0 = now()
    let rc = posix_spawnp(&pid, argv[0], &actions, nil, cArgv, environ)
    guard rc == 0 else { throw SpawnError(description: "cannot run \(argv[0]) (error \(rc))") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { throw SpawnError(description: "wait4 failed for \(executable)") }
    }
    let seconds = Double(now() - t0) / 1e9
    let signal = status & 0x7f
    var outcome = Outcome(
        status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, seconds: seconds,
        cpuSeconds: Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
        maxRSS: 0)
    if memory, RSSLauncher.path != nil {
        let words = ((try? String(contentsOfFile: rssFile, encoding: .utf8)) ?? "").split(separator: " ")
        try? FileManager.default.removeItem(atPath: rssFile)
        outcome.maxRSS = words.first.flatMap { Int($0) } ?? 0
    }
    if let path = outputPath {
        outcome.output = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: path)
    }
    return outcome
}

func quote(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

func available(_ program: String) -> Bool {
    (try? spawn("sh", ["-c", "command -v \(quote(program))"]))?.status == 0
}

/// Medians of one measurement over its runs.
struct Sample {
    var seconds: Double
    /// Median CPU time (user + system) of a child process; nil in process.
    var cpuSeconds: Double? = nil
    /// Median peak resident set in KiB (nil for in-process measurements).
    var maxRSS: Int?
    /// Exit statuses seen (a crash or a bad-input status shows here).
    var statuses: Set<Int32> = []
    var output: String?

    var ms: Double { seconds * 1000 }
    var mib: Double? { maxRSS.map { Double($0) / 1024 } }
}

/// A set of measurements run round-robin (A B C A B C ...), so that the machine's drift during
/// a section touches every figure alike and the ratios between them stay meaningful.
struct Suite {
    enum Body {
        case inProcess(() throws -> Void)
        case process(String, [String])
    }
    private var names: [String] = []
    private var bodies: [Body] = []

    mutating func add(_ name: String, _ body: @escaping () throws -> Void) {
        names.append(name)
        bodies.append(.inProcess(body))
    }

    mutating func add(_ name: String, process executable: String, _ arguments: [String]) {
        names.append(name)
        bodies.append(.process(executable, arguments))
    }

    /// `memoryRounds` rounds first, through the launcher, for peak memory (the first also warms
    /// the caches and keeps each command's output); then `runs` timed rounds.
    func run(_ runs: Int, memoryRounds: Int = 3) throws -> [String: Sample] {
        var times = Array(repeating: [Double](), count: bodies.count)
        var rss = Array(repeating: [Double](), count: bodies.count)
        var cpu = Array(repeating: [Double](), count: bodies.count)
        var statuses = Array(repeating: Set<Int32>(), count: bodies.count)
        var outputs = [String?](repeating: nil, count: bodies.count)
        for round in 0..<(memoryRounds + runs) {
            let timed = round >= memoryRounds
            for (i, body) in bodies.enumerated() {
                switch body {
                case .inProcess(let f):
                    // Once to warm up; not again until the timed rounds.
                    if !timed && round > 0 { continue }
                    let t0 = now()
                    try f()
                    let t = Double(now() - t0) / 1e9
                    if timed { times[i].append(t) }
                case .process(let executable, let arguments):
                    let o = try spawn(executable, arguments, capture: round == 0, memory: !timed)
                    if round == 0 { outputs[i] = o.output }
                    statuses[i].insert(o.status)
                    if timed {
                        times[i].append(o.seconds)
                        cpu[i].append(o.cpuSeconds)
                    } else if o.maxRSS > 0 {
                        rss[i].append(Double(o.maxRSS))
                    }
                }
            }
        }
        var result: [String: Sample] = [:]
        for (i, name) in names.enumerated() {
            result[name] = Sample(
                seconds: median(times[i]), cpuSeconds: cpu[i].isEmpty ? nil : median(cpu[i]),
                maxRSS: rss[i].isEmpty ? nil : Int(median(rss[i])),
                statuses: statuses[i], output: outputs[i])
        }
        return result
    }
}
