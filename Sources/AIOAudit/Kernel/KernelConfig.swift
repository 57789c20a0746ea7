/// The kernel configuration standalone mode assumes: the options fs/aio.c of some era tests
/// (`#ifdef CONFIG_COMPAT`, `IS_ENABLED(CONFIG_MIGRATION)`, ...), set as a common x86_64 build
/// sets them (x86_64_defconfig and distribution kernels alike), so that no function a real build
/// compiles is hidden from the analysis. A kernel tree's own configuration replaces all of this
/// (kernel-tree mode parses with the build's flags and its generated autoconf.h).
public enum KernelConfig {
    /// Option -> value (`1` as kconfig's autoconf.h writes a `y`).
    public static let x86_64: [(option: String, value: String)] = [
        ("CONFIG_64BIT", "1"),
        ("CONFIG_X86_64", "1"),
        ("CONFIG_MMU", "1"),
        ("CONFIG_COMPAT", "1"),  // 32-bit processes on a 64-bit kernel: the compat syscalls
        ("CONFIG_COMPAT_32BIT_TIME", "1"),  // their 32-bit time_t variants (5.1 and later)
        ("CONFIG_64BIT_TIME", "1"),  // 5.1-5.5's name for the 64-bit time_t syscalls
        ("CONFIG_MIGRATION", "1"),  // page migration: the ring's migratepage callback
        ("CONFIG_SYSCTL", "1"),  // /proc/sys/fs/aio-nr and aio-max-nr
    ]

    /// As compiler flags.
    public static var definitions: [String] { x86_64.map { "-D\($0.option)=\($0.value)" } }
}
