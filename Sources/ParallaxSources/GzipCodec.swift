import CZlib

/// gzip and zlib through zlib, always with a cap on what comes out so a small "gzip bomb"
/// cannot expand into gigabytes of memory.
public enum GzipCodec {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// More than the limit would come out.
        case tooLarge(limit: Int)
        case corrupt(String)
        /// The input ended inside a stream.
        case truncated

        public var description: String {
            switch self {
            case .tooLarge(let limit): return "decompresses to more than \(limit) bytes"
            case .corrupt(let why): return "corrupt compressed data (\(why))"
            case .truncated: return "compressed data ends early (truncated)"
            }
        }
    }

    /// zlib window bits: 15 plus 16 reads gzip only, plus 32 detects gzip or zlib, negative is raw deflate.
    enum Framing: Int32 {
        case gzip = 31, zlibOrGzip = 47, rawDeflate = -15
    }

    /// True when the bytes start with the gzip magic number and the deflate method.
    public static func isGzip<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B && iterator.next() == 0x08
    }

    /// Every member of a gzip file (concatenated members are one file), at most `limit` bytes.
    public static func decompress(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        try inflate(input, framing: .gzip, limit: limit, allMembers: true)
    }

    /// The first `count` decompressed bytes, or fewer when the data ends or is broken: for
    /// sniffing what a compressed file holds without decompressing all of it.
    static func prefix(of input: [UInt8], count: Int) -> [UInt8] {
        (try? inflate(input, framing: .gzip, limit: count, allMembers: false, truncateAtLimit: true)) ?? []
    }

    static func inflate(_ input: [UInt8], framing: Framing, limit: Int, allMembers: Bool, truncateAtLimit: Bool = false) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard parallax_inflateInit2(&stream, framing.rawValue) == Z_OK else { throw .corrupt("zlib could not start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var failure: Failure?
        input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, buffer.count - Int(stream.avail_out))
                }
                if produced > 0 {
                    if output.count + produced > limit {
                        if truncateAtLimit { output.append(contentsOf: chunk[0..<(limit - output.count)]) } else { failure = .tooLarge(limit: limit) }
                        return
                    }
                    output.append(contentsOf: chunk[0..<produced])
                }
                switch status {
                case Z_STREAM_END:
                    guard allMembers, stream.avail_in > 0 else { return }
                    guard inflateReset(&stream) == Z_OK else { failure = .corrupt("cannot read the next member"); return }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    failure = stream.avail_in == 0 ? .truncated : .corrupt("no progress"); return
                default:
                    failure = .corrupt(stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"); return
                }
            }
        }
        if let failure { throw failure }
        return output
    }

    /// `input` as one gzip member.
    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        let status = deflateInit2_(&stream, level, Z_DEFLATED, Framing.gzip.rawValue, 8, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib deflate could not start")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        let written = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                let result = deflate(&stream, Z_FINISH)
                precondition(result == Z_STREAM_END, "deflateBound was too small")
                return target.count - Int(stream.avail_out)
            }
        }
        output.removeSubrange(written...)
        return output
    }
}
