/// A finding's identity: rule, function, object and normalised statement; never a line number.
public enum Identity {
    public static func of(_ f: Finding) -> String {
        let key = "\(f.rule)|\(f.function)|\(f.object)|\(f.statement)"
        // FNV-1a, 64 bits: stable across runs and platforms.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
