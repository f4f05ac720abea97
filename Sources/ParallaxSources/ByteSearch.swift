#if canImport(Glibc)
import Glibc
#endif

/// Finding byte strings in buffers: memchr (vectorised) for the needle's rarest byte, then
/// a compare. Scripts searched for a dozen date keys and WARC files searched for record
/// ends run to megabytes, and stopping at every common first letter ("p" of "publishedAt")
/// to compare the rest showed in profiles.
package enum ByteSearch {
    /// The index (in `haystack`'s own indices) where `needle` first occurs.
    package static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        needle.withUnsafeBufferPointer { needle in
            haystack.withUnsafeBufferPointer { buffer in
                firstIndex(of: needle, in: buffer, from: 0).map { haystack.startIndex + $0 }
            }
        }
    }

    /// Where `needle` next occurs in `haystack` at or after `start`.
    package static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let needleBase = needle.baseAddress, !needle.isEmpty, let base = haystack.baseAddress, start >= 0,
              haystack.count - start >= needle.count else { return nil }
        let anchor = rarestByteOffset(needle)
        let anchorByte = Int32(needle[anchor])
        var index = start + anchor
        let last = haystack.count - needle.count + anchor
        while index <= last, let hit = memchr(base + index, anchorByte, last - index + 1) {
            let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
            if memcmp(base + found, needleBase, needle.count) == 0 { return found }
            index = found + anchor + 1
        }
        return nil
    }

    /// The offset of the byte of `needle` least likely in text and markup: an uppercase
    /// letter, digit or punctuation before any lowercase letter, and rare letters before
    /// common ones.
    private static func rarestByteOffset(_ needle: UnsafeBufferPointer<UInt8>) -> Int {
        var best = 0, bestRank = Int.max
        for (offset, byte) in needle.enumerated() {
            let rank = (0x61...0x7A).contains(byte) ? letterCommonness[Int(byte - 0x61)] : 0
            if rank < bestRank { (best, bestRank) = (offset, rank) }
        }
        return best
    }

    /// For a to z: how common the letter is in English text (26 = most common).
    private static let letterCommonness: [Int] = {
        var ranks = [Int](repeating: 0, count: 26)
        for (position, letter) in "zqxjkvbpygfwmucldrhsnioate".utf8.enumerated() { ranks[Int(letter - 0x61)] = position + 1 }
        return ranks
    }()
}
