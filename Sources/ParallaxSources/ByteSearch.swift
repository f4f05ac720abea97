import Foundation

/// Finding byte patterns in buffers (memchr for the first byte, then a compare).
enum ByteSearch {
    /// The index (in `haystack`'s own indices) where `needle` first occurs.
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { buffer -> Int? in
            let base = buffer.baseAddress!
            let last = buffer.count - needle.count
            var index = 0
            while index <= last {
                guard let hit = memchr(base + index, Int32(needle[0]), last - index + 1) else { return nil }
                let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + found, needle, needle.count) == 0 { return haystack.startIndex + found }
                index = found + 1
            }
            return nil
        }
    }
}
