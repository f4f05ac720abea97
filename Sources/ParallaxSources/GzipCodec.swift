import CDeflate
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
        if let whole = decompressWhole(input, limit: limit) { return whole }
        return try inflate(input, framing: .gzip, limit: limit, allMembers: true)
    }

    /// A single-member gzip file whose trailer states its size, decompressed in one call
    /// by libdeflate (in profiles of `parallax extract` it took half zlib's time; pages are
    /// mostly gzip). Nil for anything it cannot do in one go: a size the trailer misstates
    /// or that exceeds the limit, more members, broken or truncated data. zlib's stream then
    /// does the work, and names the error.
    private static func decompressWhole(_ input: [UInt8], limit: Int) -> [UInt8]? {
        input.withUnsafeBufferPointer { source -> [UInt8]? in
            guard let expected = expectedSize(source), expected <= limit,
                  let decompressor = libdeflate_alloc_decompressor() else { return nil }
            defer { libdeflate_free_decompressor(decompressor) }
            var succeeded = false
            let output = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
                var read = 0, written = 0
                let result = libdeflate_gzip_decompress_ex(decompressor, source.baseAddress, source.count, buffer.baseAddress, expected, &read, &written)
                succeeded = result == LIBDEFLATE_SUCCESS && read == source.count && written == expected
                count = succeeded ? written : 0
            }
            return succeeded ? output : nil
        }
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
        return try input.withUnsafeBufferPointer { source throws(Failure) -> [UInt8] in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            // First straight into an array the size the gzip trailer states (one spare byte
            // shows whether more is coming); growing an array chunk by chunk copied every
            // page twice. The trailer is only a hint: it can lie, or the file have members.
            let expected = framing == .gzip ? expectedSize(source) : nil
            var outcome = Outcome.needsRoom
            var output = [UInt8](unsafeUninitializedCapacity: min(limit, expected ?? chunkSize) + 1) { buffer, count in
                (count, outcome) = pump(&stream, into: buffer, allMembers: allMembers)
            }
            var chunk: [UInt8] = []
            while case .needsRoom = outcome, output.count <= limit {
                if chunk.isEmpty { chunk = [UInt8](repeating: 0, count: chunkSize) }
                let produced = chunk.withUnsafeMutableBufferPointer { buffer -> Int in
                    let (produced, next) = pump(&stream, into: buffer, allMembers: allMembers)
                    outcome = next
                    return produced
                }
                output.append(contentsOf: chunk[0..<produced])
            }
            if output.count > limit {
                guard truncateAtLimit else { throw .tooLarge(limit: limit) }
                output.removeSubrange(limit...)
                return output
            }
            if case .failed(let failure) = outcome { throw failure }
            return output
        }
    }

    private static let chunkSize = 64 * 1024

    /// How a call of `pump` ended.
    private enum Outcome {
        /// The buffer is full and the data goes on.
        case needsRoom
        case finished
        case failed(Failure)
    }

    /// Inflates into `buffer` until it is full or the data ends; returns how many bytes it wrote.
    private static func pump(_ stream: inout z_stream, into buffer: UnsafeMutableBufferPointer<UInt8>, allMembers: Bool) -> (Int, Outcome) {
        stream.next_out = buffer.baseAddress
        stream.avail_out = UInt32(buffer.count)
        while true {
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let produced = buffer.count - Int(stream.avail_out)
            switch status {
            case Z_STREAM_END:
                guard allMembers, stream.avail_in > 0 else { return (produced, .finished) }
                guard inflateReset(&stream) == Z_OK else { return (produced, .failed(.corrupt("cannot read the next member"))) }
            case Z_OK:
                if stream.avail_out == 0 { return (produced, .needsRoom) }
            case Z_BUF_ERROR:
                if stream.avail_out == 0 { return (produced, .needsRoom) }
                return (produced, .failed(stream.avail_in == 0 ? .truncated : .corrupt("no progress")))
            default:
                return (produced, .failed(.corrupt(stream.msg.map { String(cString: $0) } ?? "zlib status \(status)")))
            }
        }
    }

    /// The decompressed size a single-member gzip file states in its last four bytes
    /// (modulo 4 GiB), when that is plausible for its compressed size.
    private static func expectedSize(_ input: UnsafeBufferPointer<UInt8>) -> Int? {
        guard input.count >= 18 else { return nil }
        let tail = input.count - 4
        let size = Int(input[tail]) | Int(input[tail + 1]) << 8 | Int(input[tail + 2]) << 16 | Int(input[tail + 3]) << 24
        // deflate expands at most about 1,032 to 1; a larger claim is a lie or a second member.
        guard size > 0, size <= input.count * 1032 else { return nil }
        return size
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
