import AIOAudit
import Foundation

/// Many files in one `check`: serial (-j 1) against one worker per core (-j N), round-robin, and
/// whether the two print the same bytes. The kernel tree's fs/*.c when there is one (fs/aio.c in
/// kernel-tree mode, the rest standalone, files outside the aio model reported as warnings),
/// otherwise four copies of every corpus file.
func manyFiles() throws {
    var files: [String] = []
    var place = ""
    let fs = URL(fileURLWithPath: options.tree).appendingPathComponent("fs")
    if let names = try? FileManager.default.contentsOfDirectory(atPath: fs.path) {
        files = names.filter { $0.hasSuffix(".c") }.sorted().map { fs.appendingPathComponent($0).path }
        place = "\(options.tree)/fs/*.c"
    }
    if files.isEmpty {
        let dir = scratchRoot.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (i, f) in corpusFiles().enumerated() {
            for copy in 1...4 {
                let to = dir.appendingPathComponent("\(i)-\(copy)-\((f as NSString).lastPathComponent)")
                try FileManager.default.copyItem(at: URL(fileURLWithPath: f), to: to)
                files.append(to.path)
            }
        }
        place = "4 copies of each corpus file"
    }
    guard files.count > 1 else {
        print("\n(no kernel tree and no corpus: many-files figures skipped)")
        return
    }
    let lines = files.reduce(0) { n, f in
        n + ((try? String(contentsOfFile: f, encoding: .utf8))?.utf8.filter { $0 == 0x0A }.count ?? 0)
    }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var suite = Suite()
    suite.add("serial", process: options.tool, ["check", "-j", "1"] + files)
    suite.add("parallel", process: options.tool, ["check", "-j", "\(cores)"] + files)
    let r = try suite.run(options.runs)
    let serial = r["serial"]!
    let parallel = r["parallel"]!
    func row(_ what: String, _ s: Sample) -> [String] {
        [
            what, fmt(s.ms), ratio(s.seconds, serial.seconds), s.cpuSeconds.map { fmt($0 * 1000) } ?? "-",
            s.mib.map { fmt($0) } ?? "-",
        ]
    }
    printTable(
        "Many files: \(files.count) files, \(lines) lines (\(place))",
        ["measurement", "median (ms)", "time / serial", "CPU (ms)", "max RSS (MiB)"],
        [
            row("`aio-audit check -j 1` (serial)", serial),
            row("`aio-audit check -j \(cores)`", parallel),
        ])
    let same = serial.output != nil && serial.output == parallel.output
    print("\nThe two print the same bytes: \(same ? "yes" : "NO").")
}
