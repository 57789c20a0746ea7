import AIOAudit
import Foundation

// Inputs the benchmark generates: larger files for the scaling rows, a function with
// exponentially many paths, a small patch for files that have none.

enum Synthetic {
    /// `copies` copies of a file, one after another: the first as it is, each further one with
    /// every name the file defines at file scope (functions, globals, macros, structure and enum
    /// tags, enumerators, typedefs) renamed with a suffix, so that the copies do not collide and
    /// each one is analysed as the original is. Names the first attempt misses are taken from the
    /// parser's "redefinition of 'X'" errors and the text renamed again (a few rounds).
    static func scaled(_ path: String, copies: Int) throws -> String {
        let source = try String(contentsOfFile: path, encoding: .utf8)
        guard copies > 1 else { return source }
        var names = try definedNames(path, source)
        for _ in 0..<4 {
            let text = concatenate(source, copies: copies, renaming: names)
            let unit = try Pipeline.parse(ParseRequest(path: path, contents: text, standalone: true))
            let more = Set(unit.errors.compactMap(redefinedName)).subtracting(names)
            if more.isEmpty { return text }
            names.formUnion(more.map { $0.replacingOccurrences(of: "_c\\d+$", with: "", options: .regularExpression) })
        }
        return concatenate(source, copies: copies, renaming: names)
    }

    static func concatenate(_ source: String, copies: Int, renaming names: Set<String>) -> String {
        guard !names.isEmpty else { return String(repeating: source + "\n", count: copies) }
        // Longest first, so that no name is cut short by one of its prefixes.
        let alternatives = names.sorted { ($0.count, $0) > ($1.count, $1) }.map(NSRegularExpression.escapedPattern)
        // Not after `->` or `.`: a member of the prelude's structures may share a function's name
        // (file_operations' aio_fsync and fs/aio.c's aio_fsync()).
        let pattern = try! NSRegularExpression(
            pattern: "(?<!->)(?<!\\.)\\b(" + alternatives.joined(separator: "|") + ")\\b")
        var out = source
        if !out.hasSuffix("\n") { out += "\n" }
        for k in 2...copies {
            let range = NSRange(source.startIndex..., in: source)
            out += "\n/* copy \(k) */\n"
            out += pattern.stringByReplacingMatches(in: source, range: range, withTemplate: "$1_c\(k)")
            if !out.hasSuffix("\n") { out += "\n" }
        }
        return out
    }

    /// "redefinition of 'kioctx'", "conflicting types for 'f'", ... -> the name.
    static func redefinedName(_ d: ParseDiagnostic) -> String? {
        let kinds = ["redefinition of", "conflicting types for", "redefinition of enumerator", "previous definition"]
        guard kinds.contains(where: { d.message.hasPrefix($0) }),
            let open = d.message.firstIndex(of: "'"),
            let close = d.message[d.message.index(after: open)...].firstIndex(of: "'")
        else { return nil }
        let name = String(d.message[d.message.index(after: open)..<close])
        // "redefinition of 'struct kioctx'" names the tag.
        return name.split(separator: " ").last.map(String.init)
    }

    /// Names the file defines at file scope, from the parse and a few patterns.
    static func definedNames(_ path: String, _ source: String) throws -> Set<String> {
        let unit = try Pipeline.parse(ParseRequest(path: path, contents: source, standalone: true))
        var names = Set(unit.functions.map(\.name))
        names.formUnion(unit.globals.map(\.name))
        let patterns = [
            "^[ \\t]*#[ \\t]*define[ \\t]+(\\w+)",  // macros
            "\\b(?:struct|union|enum)[ \\t]+(\\w+)\\s*\\{",  // tags the file defines
            "\\bSYSCALL_DEFINE\\d\\((\\w+)",  // sys_io_setup is defined as io_setup
            "\\b(?:DECLARE|DEFINE)_\\w+\\((\\w+)",  // DECLARE_WORK(fput_work, ...), DEFINE_SPINLOCK(l)
            "^\\s*(?:static\\s+)?LIST_HEAD\\((\\w+)\\)",
            "\\btypedef\\b[^;{}]*?(\\w+)\\s*;",  // typedef T name;
            "^\\}\\s*(\\w+)\\s*;",  // typedef struct { } name; (and struct s { } variable;) at file scope
        ]
        for p in patterns {
            let re = try NSRegularExpression(pattern: p, options: [.anchorsMatchLines])
            for m in re.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                if let r = Range(m.range(at: 1), in: source) { names.insert(String(source[r])) }
            }
        }
        // Enumerators: the leading name of each item of an enum's braces.
        let enums = try NSRegularExpression(pattern: "\\benum\\b[^{;()]*\\{([^}]*)\\}")
        for m in enums.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
            guard let r = Range(m.range(at: 1), in: source) else { continue }
            for item in source[r].split(separator: ",") {
                let uncommented = item.replacingOccurrences(
                    of: "/\\*.*?\\*/", with: "", options: .regularExpression)
                if let name = uncommented.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).first,
                    name.first.map({ $0.isLetter || $0 == "_" }) == true
                {
                    names.insert(String(name))
                }
            }
        }
        // Never rename C's own words or the patterns' false catches.
        names.subtract([
            "struct", "union", "enum", "int", "long", "void", "char", "unsigned", "return", "break", "else",
        ])
        return names.filter { !$0.isEmpty && !($0.first!.isNumber) }
    }

    /// A small file with a reference-counted object (a lock, a count of users and a release that
    /// unmaps and frees after a grace period, as fs/aio.c's kioctx) and one function with `k`
    /// independent if/else statements, each on its own object (a get on one side, a lock section on
    /// the other, `statements` updates of the object on both), then `k` conditional puts: 4^k
    /// paths through the function, 2^k distinct abstract states where the ifs meet.
    static func pathExplosion(k: Int, statements: Int = 1) -> String {
        var s = """
            #include <linux/kernel.h>
            #include <linux/mm.h>
            #include <linux/rcupdate.h>

            struct ctx {
            \tatomic_t users;
            \tspinlock_t lock;
            \tint stats;
            \tunsigned long ring_base;
            \tunsigned long ring_len;
            \tstruct rcu_head rcu;
            };

            static void free_ctx_rcu(struct rcu_head *head)
            {
            \tkfree(container_of(head, struct ctx, rcu));
            }

            static void release_ctx(struct ctx *ctx)
            {
            \tvm_munmap(ctx->ring_base, ctx->ring_len);
            \tcall_rcu(&ctx->rcu, free_ctx_rcu);
            }

            static void get_ctx(struct ctx *ctx)
            {
            \tatomic_inc(&ctx->users);
            }

            static void put_ctx(struct ctx *ctx)
            {
            \tif (atomic_dec_and_test(&ctx->users))
            \t\trelease_ctx(ctx);
            }


            """
        let parameters = (0..<k).map { "struct ctx *c\($0)" }.joined(separator: ", ")
        s += "long explode(\(parameters), unsigned long flags)\n{\n"
        for i in 0..<k {
            // A distinct bit per condition up to k = 64.
            let bit = i % 64
            let updates = String(repeating: "\t\tc\(i)->stats++;\n", count: statements)
            s += "\tif (flags & (1UL << \(bit))) {\n\t\tget_ctx(c\(i));\n\(updates)"
            s += "\t} else {\n\t\tspin_lock(&c\(i)->lock);\n\(updates)\t\tspin_unlock(&c\(i)->lock);\n\t}\n"
        }
        for i in 0..<k {
            s += "\tif (flags & (1UL << \(i % 64)))\n\t\tput_ctx(c\(i));\n"
        }
        s += "\treturn 0;\n}\n"
        return s
    }

    /// A one-line change inside the middle function of a file, as a unified diff: a statement
    /// added after the body's first line, with three lines of context.
    static func smallPatch(_ path: String, unit: TranslationUnitSyntax) throws -> String {
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let f = unit.functions[unit.functions.count / 2]
        // The line after the body's opening brace.
        var open = f.position.line
        while open < f.endLine, !lines[open - 1].contains("{") { open += 1 }
        let after = open  // 1-based line number of the brace line: insert after it
        let first = max(1, after - 2)
        let context = Array(lines[(first - 1)..<after])
        let trailing = Array(lines[after..<min(lines.count, after + 3)])
        var p = "--- a/fs/aio.c\n+++ b/fs/aio.c\n"
        p += "@@ -\(first),\(context.count + trailing.count) +\(first),\(context.count + trailing.count + 1) @@\n"
        for l in context { p += " \(l)\n" }
        p += "+\tbarrier(); /* benchmark */\n"
        for l in trailing { p += " \(l)\n" }
        return p
    }
}
