import AIOAudit
import Foundation
import XCTest

/// `make C=1 CHECK=aio-audit`: the tool run as sparse is, with kbuild's arguments.
final class KbuildTests: XCTestCase {
    /// The arguments kbuild gave its checker for fs/aio.c in Debian's 6.1 tree (`make CC=clang-14
    /// V=1 C=2 CHECK=<a script that saves its arguments> fs/aio.o`), one per line.
    func recordedArguments() throws -> [String] {
        let text = try String(contentsOfFile: Paths.fixture("kbuild/checksrc-fs-aio.args"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    func testKbuildsRecordedInvocationIsRecognised() throws {
        let args = try recordedArguments()
        let invocation = try XCTUnwrap(KbuildInvocation.recognise(args))
        XCTAssertEqual(invocation.file, "fs/aio.c")
        XCTAssertEqual(invocation.options, [])
        // sparse's flags (CHECKFLAGS) are not the compiler's; the compiler's are kept in order.
        for gone in ["--arch=x86", "-Wbitwise", "-Wno-return-void", "-mlittle-endian", "-D__STDC__"] {
            XCTAssertFalse(invocation.compilerFlags.contains(gone), gone)
        }
        for kept in ["-nostdinc", "-D__KERNEL__", "-I./include", "-m64", "-D__linux__"] {
            XCTAssertTrue(invocation.compilerFlags.contains(kept), kept)
        }
        // As libclang takes them: no dependency file, paths made absolute in the build directory.
        let libclang = invocation.libclangArguments(directory: "/src/linux")
        XCTAssertFalse(libclang.contains { $0.hasPrefix("-Wp,") || $0 == "fs/aio.c" })
        XCTAssertTrue(libclang.contains { $0.hasPrefix("-I/src/linux/") && $0.hasSuffix("include") }, "\(libclang)")
        XCTAssertTrue(libclang.contains("-working-directory=/src/linux"))
        // CHECK="aio-audit check", and the tool's own options given through CF=.
        let viaCheck = try XCTUnwrap(
            KbuildInvocation.recognise(["check", "--strict", "--format", "json"] + args))
        XCTAssertEqual(viaCheck.options, ["--strict", "--format", "json"])
        XCTAssertEqual(viaCheck.compilerFlags, invocation.compilerFlags)
    }

    func testOrdinaryCommandLinesAreNotKbuilds() {
        for args in [
            ["check", "fs/aio.c"], ["--version"], ["check", "-v", "a.c", "b.c"], ["diff", "--patch", "p", "fs/aio.c"],
            ["check", "-DX", "notes.txt"],
        ] {
            XCTAssertNil(KbuildInvocation.recognise(args), "\(args)")
        }
    }

    /// A copy of the fixture tree whose fs/aio.c has an error return that forgets the unlock.
    func makeTree() throws -> URL {
        let dir = try temporaryDirectory(self).appendingPathComponent("linux")
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("kernel-tree"), to: dir)
        let aio = dir.appendingPathComponent("fs/aio.c")
        let forgotten = """

            int cancel_one(struct kioctx *ctx, int busy)
            {
            \tunsigned long flags;

            \tspin_lock_irqsave(&ctx->ctx_lock, flags);
            \tif (busy)
            \t\treturn -16;
            \tctx->reqs_active--;
            \tspin_unlock_irqrestore(&ctx->ctx_lock, flags);
            \treturn 0;
            }

            """
        try (String(contentsOf: aio, encoding: .utf8) + forgotten).write(to: aio, atomically: true, encoding: .utf8)
        try "/* not aio code */\nint add(int a, int b) { return a + b; }\n".write(
            to: dir.appendingPathComponent("fs/other.c"), atomically: true, encoding: .utf8)
        return dir
    }

    /// kbuild's flags for the fixture tree: CHECKFLAGS as recorded, then the compiler's.
    func kbuildArguments(file: String) throws -> [String] {
        let checkflags = Array(try recordedArguments().prefix { !$0.hasPrefix("-Wp,") })
        XCTAssertTrue(checkflags.contains("--arch=x86"))
        return checkflags + ["-Wp,-MMD,fs/.x.o.d", "-nostdinc", "-I./include", "-D__KERNEL__", "-std=gnu11", file]
    }

    func testTheToolRunAsKbuildsCheckerReportsLikeACompiler() throws {
        let tree = try makeTree()
        let run = try runTool(try kbuildArguments(file: "fs/aio.c"), in: tree)
        XCTAssertEqual(run.status, 1, run.err)
        let lines = run.out.split(separator: "\n")
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("fs/aio.c:28:3: error: ") && $0.hasSuffix("[lock-imbalance]") }, run.out)
        // In kernel-tree mode, with the flags kbuild gave (no compile database in this tree).
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: tree.appendingPathComponent("compile_commands.json").path))
        let verbose = try runTool(["-v"] + (try kbuildArguments(file: "fs/aio.c")), in: tree)
        XCTAssertTrue(verbose.err.contains("fs/aio.c: parsed in kernel-tree mode"), verbose.err)
        XCTAssertEqual(verbose.out, run.out)
        // CF=--strict: as sparse's -Wsparse-error; CF="--disable lock-imbalance" silences the rule.
        let quiet = try runTool(["--disable", "lock-imbalance"] + (try kbuildArguments(file: "fs/aio.c")), in: tree)
        XCTAssertEqual(quiet.status, 0, quiet.out + quiet.err)
        XCTAssertFalse(quiet.out.contains("lock-imbalance"))
    }

    func testRunAwayFromTheTreeTopItIsAnInputError() throws {
        // kbuild's relative -I flags from another directory find no header: not a check of
        // something else than the compiler sees, but an input error naming the fix.
        let tree = try makeTree()
        let elsewhere = try temporaryDirectory(self)
        var args = try kbuildArguments(file: "fs/aio.c")
        args[args.count - 1] = tree.appendingPathComponent("fs/aio.c").path
        let run = try runTool(args, in: elsewhere)
        XCTAssertEqual(run.status, 2, run.out + run.err)
        XCTAssertEqual(run.out, "")
        XCTAssertTrue(run.err.contains("file not found: the compiler flags do not find the headers"), run.err)
        XCTAssertTrue(run.err.contains("run from the kernel tree's top directory"), run.err)
        // A compiler's flags without a C file last.
        for last in ["fs/notes.py", tree.path] {
            let bad = try runTool(["-I./include", "-D__KERNEL__", last], in: tree)
            XCTAssertEqual(bad.status, 2, bad.err)
            XCTAssertTrue(bad.err.contains("the last argument must be the C file to check"), bad.err)
        }
    }

    func testFilesOutsideTheAioModelAreSkippedWithoutAParse() throws {
        let tree = try makeTree()
        let run = try runTool(try kbuildArguments(file: "fs/other.c"), in: tree)
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.out, "")
        XCTAssertEqual(run.err, "")
        let verbose = try runTool(["-v"] + (try kbuildArguments(file: "fs/other.c")), in: tree)
        XCTAssertEqual(verbose.err, "fs/other.c: not aio code (no struct kioctx): skipped\n")
        // Scope is by content: the same code under another name is checked.
        try FileManager.default.copyItem(
            at: tree.appendingPathComponent("fs/aio.c"), to: tree.appendingPathComponent("fs/aio_copy.c"))
        XCTAssertEqual(try runTool(try kbuildArguments(file: "fs/aio_copy.c"), in: tree).status, 1)
        XCTAssertTrue(AIOScope.applies(to: "struct kioctx *ctx;"))
        XCTAssertFalse(AIOScope.applies(to: "ssize_t f(struct kiocb *iocb, struct iov_iter *to); /* kioctxs */"))
    }

    /// The recorded invocation replayed in Debian's 6.1 tree, when it is there: what `check`
    /// reports with the compile database.
    func testTheRecordedInvocationInTheDebianTreeWhenPresent() throws {
        let tree = try configuredKernelTree(requiring: "include/linux/compiler-version.h")
        let dir = URL(fileURLWithPath: tree)
        let kbuild = try runTool(["-v"] + (try recordedArguments()), in: dir)
        let check = try runTool(["check", "fs/aio.c"], in: dir)
        XCTAssertTrue(kbuild.err.contains("fs/aio.c: parsed in kernel-tree mode"), kbuild.err)
        XCTAssertFalse(kbuild.err.contains(": parse error:"), kbuild.err)
        XCTAssertEqual(kbuild.status, check.status)
        XCTAssertEqual(kbuild.out, check.out)
    }

    /// `check` of a file outside the aio model: one line says so, only the generic rules report,
    /// as warnings; --strict counts them.
    func testOutsideTheAioModelOnlyTheGenericRulesReportAsWarnings() throws {
        let dir = try temporaryDirectory(self)
        let file = dir.appendingPathComponent("namei.c")
        try """
        #include <linux/spinlock.h>
        #include <linux/workqueue.h>
        #include <linux/errno.h>
        struct dentry { spinlock_t d_lock; int d_count; };
        int grab(struct dentry *d)
        {
        	spin_lock(&d->d_lock);
        	if (d->d_count < 0)
        		return -ENOENT;
        	d->d_count++;
        	spin_unlock(&d->d_lock);
        	return 0;
        }

        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try runTool(["check", file.path])
        XCTAssertEqual(run.status, 0, run.out + run.err)
        XCTAssertTrue(run.out.contains("namei.c:9:3: warning: grab() returns with d->d_lock held"), run.out)
        XCTAssertTrue(run.out.hasSuffix("[lock-imbalance]\n") || run.out.contains("[lock-imbalance]"), run.out)
        XCTAssertEqual(
            run.err.split(separator: "\n").first.map(String.init),
            "\(file.path): not aio code (no struct kioctx): the aio model does not apply; generic lock, sleep and reference rules only, as warnings"
        )
        XCTAssertEqual(try runTool(["check", "--strict", file.path]).status, 1)
        // The reports say so too: JSON and SARIF name the scope, facts says it first.
        let json = try runTool(["check", "--format", "json", file.path])
        XCTAssertTrue(json.out.contains("\"scope\" : \"generic\""), json.out)
        let sarif = try runTool(["check", "--format", "sarif", file.path])
        XCTAssertTrue(sarif.out.contains("\"scope\" : \"generic\""), sarif.out)
        let facts = try runTool(["facts", file.path])
        XCTAssertTrue(facts.out.contains("scope: generic (not aio code"), facts.out)
        // The same code in a file that is aio code: an error.
        try (String(contentsOf: file, encoding: .utf8) + "struct kioctx;\n").write(
            to: file, atomically: true, encoding: .utf8)
        let aio = try runTool(["check", file.path])
        XCTAssertEqual(aio.status, 1)
        XCTAssertTrue(aio.out.contains("namei.c:9:3: error: grab()"), aio.out)
        XCTAssertFalse(aio.err.contains("not aio code"), aio.err)
        XCTAssertTrue(try runTool(["check", "--format", "json", file.path]).out.contains("\"scope\" : \"aio\""))
    }
}
