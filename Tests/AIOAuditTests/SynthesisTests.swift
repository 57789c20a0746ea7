import Foundation
import XCTest

@testable import AIOAudit

/// Standalone parsing completes what the prelude lacks from the parser's own complaints.
final class SynthesisTests: XCTestCase {
    func testUnknownKernelAPIIsSynthesisedAndEveryStatementKept() throws {
        let unit = try Parser.parse(ParseRequest(path: Paths.fixture("unknown_api.c"), standalone: true))
        XCTAssertEqual(unit.errors, [])
        XCTAssertGreaterThan(unit.parseRounds, 1)
        XCTAssertTrue(unit.synthesised.contains("type future_handle_t"), "\(unit.synthesised)")
        XCTAssertTrue(unit.synthesised.contains("member struct kioctx.long future_lock"), "\(unit.synthesised)")
        XCTAssertTrue(unit.synthesised.contains("identifier FUTURE_STATE_READY"), "\(unit.synthesised)")
        let g = try XCTUnwrap(FileGraphs(unit: unit).graphs.first)
        XCTAssertEqual(
            g.trace([.lock, .unlock, .increment]), ["lock ctx->future_lock", "increment", "unlock ctx->future_lock"])
        XCTAssertEqual(g.allEvents.filter { $0.kind == .return }.count, 2)
    }

    /// A newer era's API: an operation the prelude's table lacks, and a prelude function called
    /// with one more argument than the prelude declares. Both are learnt, and the statements stay.
    func testNewerOperationsAndChangedArgumentCounts() throws {
        let dir = try temporaryDirectory(self)
        let file = dir.appendingPathComponent("newer.c")
        let text = """
            #include <linux/fs.h>
            static int newer_read(struct file *f, struct folio *folio) { return 0; }
            static const struct address_space_operations newer_aops = {
            	.newer_read = newer_read,
            };
            int newer_prep(struct kiocb *req, int flags, int type)
            {
            	int ret = kiocb_set_rw_flags(req, flags, type);
            	if (ret)
            		return ret;
            	return 0;
            }

            """
        try Data(text.utf8).write(to: file)
        let unit = try Parser.parse(ParseRequest(path: file.path, standalone: true))
        XCTAssertEqual(unit.errors, [])
        XCTAssertTrue(
            unit.synthesised.contains("member struct address_space_operations.void *newer_read"), "\(unit.synthesised)")
        XCTAssertTrue(
            unit.synthesised.contains("function kiocb_set_rw_flags: called with other arguments, unprototyped"),
            "\(unit.synthesised)")
        let g = try XCTUnwrap(FileGraphs(unit: unit).graphs.first { $0.function == "newer_prep" })
        XCTAssertEqual(g.allEvents.filter { $0.kind == .call }.map(\.callee), ["kiocb_set_rw_flags"])
    }

    func testOlderEraShapesAreChosenFromHowTheFileUsesThem() throws {
        let unit = try Parser.parse(ParseRequest(path: Paths.fixture("era_2_6.c"), standalone: true))
        XCTAssertEqual(unit.errors, [])
        XCTAssertTrue(unit.synthesised.contains("ioctx_list: the older declaration"), "\(unit.synthesised)")
        let graphs = FileGraphs(unit: unit).graphs
        let link = try XCTUnwrap(graphs.first { $0.function == "link_ctx" })
        XCTAssertEqual(
            link.trace(),
            [
                "lock mm->ioctx_list_lock", "unlock mm->ioctx_list_lock",
                "call INIT_WORK(&ctx->wq, aio_kick_handler, ctx)",
                "call get_ioctx(ctx)",
            ])
        let work = try XCTUnwrap(unit.globals.first { $0.name == "fput_work" })
        guard case .call(let callee, _, let arguments, _)? = work.initializer?.kind else {
            return XCTFail("DECLARE_WORK not read as a call: \(String(describing: work.initializer))")
        }
        XCTAssertEqual(callee, "DECLARE_WORK")
        XCTAssertEqual(arguments.map(\.sourceText), ["fput_work", "aio_kick_handler", "NULL"])
    }

    func diagnostic(_ message: String, line: Int = 1, column: Int = 1) -> ParseDiagnostic {
        ParseDiagnostic(line: line, column: column, file: "/f.c", severity: "error", message: message)
    }

    func testStructureTheFileDefinesIsDroppedBeforeAnythingElseIsLearnt() {
        let prelude = "struct ctx {\n\tint users;\n};\nstruct other {\n\tint x;\n};\n"
        var s = DeclarationSynthesis()
        let source = Array("x\n".utf8)
        XCTAssertTrue(
            s.learn(
                from: [diagnostic("redefinition of 'ctx'"), diagnostic("no member named 'y' in 'struct other'")],
                mainFile: "/f.c", source: source, lineStarts: [0]))
        let text = s.complete(prelude: prelude)
        XCTAssertFalse(text.contains("struct ctx {"))
        XCTAssertTrue(text.contains("struct other {\n\tint x;\n};"), "nothing else learnt in that round")
        // The next round learns the member.
        XCTAssertTrue(
            s.learn(
                from: [diagnostic("no member named 'y' in 'struct other'")], mainFile: "/f.c", source: source,
                lineStarts: [0]))
        XCTAssertTrue(s.complete(prelude: prelude).contains("\tint x;\n    long y;\n};"))
        // Nothing new: no further round.
        XCTAssertFalse(
            s.learn(
                from: [diagnostic("no member named 'y' in 'struct other'")], mainFile: "/f.c", source: source,
                lineStarts: [0]))
    }

    func testMemberTypeFollowsItsUse() {
        let source = Array("p->box->state;\n".utf8)
        var s = DeclarationSynthesis()
        _ = s.learn(
            from: [diagnostic("no member named 'box' in 'struct holder'", column: 4)], mainFile: "/f.c", source: source,
            lineStarts: [0])
        let text = s.complete(prelude: "")
        XCTAssertTrue(text.contains("struct __aio_audit_holder_box *box;"), text)
        XCTAssertTrue(text.contains("struct __aio_audit_holder_box {"), text)
    }

    func testOlderShapeAlternative() {
        let prelude =
            "typedef long long ktime_t; /* aio-audit alternative: typedef union ktime { long long tv64; } ktime_t; */\n"
        var s = DeclarationSynthesis()
        XCTAssertTrue(prelude.contains("typedef long long ktime_t;"))
        XCTAssertTrue(
            s.learn(
                from: [diagnostic("designator in initializer for scalar type 'ktime_t' (aka 'long long')")],
                mainFile: "/f.c", source: [], lineStarts: [0]))
        let text = s.complete(prelude: prelude)
        XCTAssertTrue(text.hasPrefix("typedef union ktime { long long tv64; } ktime_t;\n"), text)
        XCTAssertTrue(DeclarationSynthesis().complete(prelude: prelude).hasPrefix("typedef long long ktime_t;"))
    }

    func testFunctionsTheFileDeclaresOtherwise() {
        let prelude =
            "void use_mm(struct mm_struct *mm);\nint other(void);\nlong do_mmap(struct file *file,\n\tunsigned long addr);\n"
        let source = Array(
            "static void use_mm(struct mm_struct *mm)\nvoid fastcall __put_ioctx(struct kioctx *ctx)\n".utf8)
        var s = DeclarationSynthesis(prelude: prelude)
        XCTAssertTrue(
            s.learn(
                from: [
                    diagnostic("static declaration of 'use_mm' follows non-static declaration", line: 1, column: 13),
                    diagnostic("conflicting types for '__put_ioctx'", line: 2, column: 15),
                    diagnostic("conflicting types for 'do_mmap'", line: 1, column: 1),
                ], mainFile: "/f.c", source: source,
                lineStarts: [0] + source.indices.filter { source[$0] == 0x0A }.map { $0 + 1 }))
        let text = s.complete(prelude: prelude)
        XCTAssertFalse(text.contains("void use_mm(struct mm_struct *mm);"), text)
        XCTAssertFalse(text.contains("do_mmap"), "a prototype over two lines goes whole: \(text)")
        XCTAssertTrue(text.contains("int other(void);"))
        // Used before its definition: declared ahead as the definition declares it.
        XCTAssertTrue(text.contains("void fastcall __put_ioctx();"), text)
    }

    func testErrorsInOtherFilesTeachNothing() {
        var s = DeclarationSynthesis()
        let d = ParseDiagnostic(
            line: 1, column: 1, file: "/elsewhere.h", severity: "error", message: "unknown type name 'x_t'")
        XCTAssertFalse(s.learn(from: [d], mainFile: "/f.c", source: [], lineStarts: [0]))
    }

    /// Standalone mode sets the options an x86_64 build sets; what is under another is named.
    func testStandaloneModeSeesTheConfigurationAnX8664BuildHas() throws {
        let unit = try Parser.parse(ParseRequest(path: Paths.fixture("check/configs.c"), standalone: true))
        XCTAssertEqual(unit.errors, [])
        XCTAssertEqual(unit.functions.map(\.name).sorted(), ["compat_entry", "ring_migrate", "visible_else"])
        XCTAssertEqual(
            unit.hiddenFunctions,
            [
                HiddenFunction(
                    name: "SYSCALL_DEFINE2(old_time_entry)", line: 22,
                    condition: "#if defined(CONFIG_COMPAT_32BIT_TIME) && !defined(CONFIG_64BIT)"),
                HiddenFunction(
                    name: "also_hidden", line: 27,
                    condition: "#if defined(CONFIG_COMPAT_32BIT_TIME) && !defined(CONFIG_64BIT)"),
            ])
        let verbose = try runTool(["check", "-v", Paths.fixture("check/configs.c")])
        XCTAssertTrue(
            verbose.err.contains(
                "configs.c:22: hidden by the preprocessor, not analysed: SYSCALL_DEFINE2(old_time_entry) (under #if defined(CONFIG_COMPAT_32BIT_TIME) && !defined(CONFIG_64BIT))"
            ), verbose.err)
    }

    /// 6.1's file standalone: every function the kernel tree's x86_64 build compiles (63).
    func testNoFunctionOfTheDebianReleaseIsHiddenStandalone() throws {
        let path = try Paths.corpusFile("releases/release-6.1.192-debian.c")
        let unit = try Parser.parse(ParseRequest(path: path, standalone: true))
        XCTAssertEqual(unit.functions.count, 63)
        XCTAssertEqual(unit.hiddenFunctions.map(\.name), ["SYSCALL_DEFINE6(io_pgetevents_time32)"])
    }
}
