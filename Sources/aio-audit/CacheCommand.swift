import AIOAudit
import ArgumentParser
import Foundation

struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or clear the precompiled include preambles kept for kernel-tree mode.",
        discussion:
            "The cache lives in $XDG_CACHE_HOME/aio-audit/pch, else ~/.cache/aio-audit/pch; it is never written into a tree."
    )

    @Flag(help: "Remove every entry.")
    var clear = false

    func run() throws {
        guard let dir = PreambleCacheDirectory.path else {
            AIOAuditCommand.fail(InputError("cache", "no writable cache directory ($XDG_CACHE_HOME or $HOME)"))
        }
        let entries = PreambleCacheDirectory.entries()
        if clear {
            let removed = PreambleCacheDirectory.clear()
            write("\(dir): removed \(removed) entr\(removed == 1 ? "y" : "ies")\n")
            return
        }
        let total = entries.reduce(0) { $0 + $1.bytes }
        write(
            "\(dir): \(entries.count) entr\(entries.count == 1 ? "y" : "ies"), \(String(format: "%.1f", Double(total) / 1_048_576)) MiB\n"
        )
        for e in entries { write("  \((e.path as NSString).lastPathComponent)  \(e.bytes / 1024) KiB\n") }
    }
}
