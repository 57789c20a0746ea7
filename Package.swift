// swift-tools-version:6.0
import Foundation
import PackageDescription

/// libclang comes from Debian's libclang-dev: the newest /usr/lib/llvm-N that has both the
/// C API header and the shared library, unless AIO_AUDIT_LLVM_DIR names another installation.
/// The toolchain's own clang is not used: its libclang is not a supported, installed API.
func llvmDirectory() -> String {
    let fm = FileManager.default
    func usable(_ dir: String) -> Bool {
        fm.fileExists(atPath: dir + "/include/clang-c/Index.h")
            && fm.fileExists(atPath: dir + "/lib/libclang.so")
    }
    if let override = ProcessInfo.processInfo.environment["AIO_AUDIT_LLVM_DIR"], !override.isEmpty {
        return override
    }
    let entries = (try? fm.contentsOfDirectory(atPath: "/usr/lib")) ?? []
    let versions = entries.compactMap { name -> Int? in
        guard name.hasPrefix("llvm-") else { return nil }
        return Int(name.dropFirst("llvm-".count))
    }.sorted(by: >)
    for version in versions where usable("/usr/lib/llvm-\(version)") {
        return "/usr/lib/llvm-\(version)"
    }
    return "/usr/lib/llvm-14"
}

let llvm = llvmDirectory()
let clangFlags: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I\(llvm)/include"])]
let clangLink: [LinkerSetting] = [
    .unsafeFlags(["-L\(llvm)/lib", "-Xlinker", "-rpath", "-Xlinker", "\(llvm)/lib"])
]

let package = Package(
    name: "aio-audit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "aio-audit", targets: ["aio-audit"]),
        .library(name: "AIOAudit", targets: ["AIOAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CClang", path: "Sources/CClang"),
        .target(
            name: "AIOAudit",
            dependencies: [
                "CClang", .product(name: "Rainbow", package: "Rainbow"), .product(name: "Yams", package: "Yams"),
            ],
            path: "Sources/AIOAudit",
            // The prelude's C headers are carried in by KernelPrelude+Generated.swift.
            exclude: ["Kernel/Prelude"],
            swiftSettings: clangFlags,
            linkerSettings: clangLink
        ),
        .executableTarget(
            name: "aio-audit",
            dependencies: [
                "AIOAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/aio-audit",
            swiftSettings: clangFlags,
            linkerSettings: clangLink
        ),
        .executableTarget(
            name: "aio-audit-bench",
            dependencies: ["AIOAudit"],
            path: "Sources/aio-audit-bench",
            swiftSettings: clangFlags,
            linkerSettings: clangLink
        ),
        .testTarget(
            name: "AIOAuditTests",
            // The command-line tool is a dependency so that the exit-status tests can run it.
            dependencies: ["AIOAudit", "aio-audit"],
            path: "Tests/AIOAuditTests",
            swiftSettings: clangFlags,
            linkerSettings: clangLink
        ),
    ],
    swiftLanguageModes: [.v6]
)
