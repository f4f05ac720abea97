import CZlib

/// Decompresses gzip data with a cap on the output, so a small "gzip bomb" cannot expand
/// into gigabytes of memory.
enum Gunzip {
    enum Failure: Error, Equatable {
        case tooLarge
        case corrupt(String)
        case truncated
    }

    /// True when the bytes start with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed bytes of every gzip member in `input`, or a failure once more than
    /// `limit` bytes would come out.
    static func decompress(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // 15 window bits + 16: expect a gzip header (not raw zlib).
        guard parallax_inflateInit2(&stream, 15 + 16) == Z_OK else { throw .corrupt("zlib could not start") }
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
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, buffer.count - Int(stream.avail_out))
                }
                if produced > 0 {
                    guard output.count + produced <= limit else { failure = .tooLarge; return }
                    output.append(contentsOf: chunk[0..<produced])
                }
                switch status {
                case Z_STREAM_END:
                    // Concatenated members (`cat a.gz b.gz`) are one valid gzip file.
                    guard stream.avail_in > 0 else { return }
                    guard inflateReset(&stream) == Z_OK else { failure = .corrupt("cannot read the next member"); return }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress possible although there is room for output: the input
                    // ended before the stream did.
                    failure = stream.avail_in == 0 ? .truncated : .corrupt("no progress"); return
                case Z_DATA_ERROR:
                    failure = .corrupt(stream.msg.map { String(cString: $0) } ?? "data error"); return
                default:
                    failure = .corrupt("zlib status \(status)"); return
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}
