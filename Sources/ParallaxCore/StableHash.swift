/// FNV-1a over UTF-8: stable across runs and platforms (unlike `Hasher`), used for ids
/// and content hashes.
public enum StableHash {
    public static func fnv1a64<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    public static func fnv1a64(_ string: String) -> UInt64 { fnv1a64(string.utf8) }

    /// 16 lowercase hex digits.
    public static func hex(_ string: String) -> String {
        let value = fnv1a64(string)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
