import CZlib
import Foundation

/// The decompressed bytes of a WARC file, read from disk in chunks (memory holds one
/// compressed chunk, whatever the caller keeps, and nothing else).
///
/// A gzip-compressed file is read member by member: CC-NEWS compresses every record as its
/// own gzip member, so a member boundary is a record boundary, and a corrupt member can be
/// skipped by looking for the next member's header. A whole-file gzip stream is one member.
final class WARCInput {
    enum Event: Equatable {
        /// Bytes were appended to the caller's buffer; `endsMember` when they close a gzip member.
        case data(endsMember: Bool)
        /// The gzip member being read is broken (or truncated): every byte it produced so far
        /// is suspect. Reading resumes at the next gzip member.
        case corrupt(String)
        case end
    }

    static let readSize = 1 << 20
    static let inflateSize = 256 * 1024
    private static let gzipMagic: [UInt8] = [0x1F, 0x8B, 0x08]

    let isGzip: Bool
    /// Bytes read from the file so far.
    private(set) var bytesRead = 0

    private let descriptor: Int32
    private var compressed: [UInt8] = []
    /// Inflate's output, reused: only the bytes produced are copied to the caller.
    private var scratch = [UInt8](repeating: 0, count: WARCInput.inflateSize)
    private var consumed = 0
    private var fileEnded = false
    private var stream = z_stream()
    private var memberOpen = false
    /// Where the open member starts in `compressed`, while it is still there.
    private var memberStart: Int?
    /// Skipping the rest of a member already reported as broken.
    private var skippingDamage = false

    /// Opens `path`; nil with the reason when it cannot be read.
    init(path: String) throws(ParallaxInputError) {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ParallaxInputError(reason: String(cString: strerror(errno))) }
        var head = [UInt8](repeating: 0, count: 3)
        let count = pread(descriptor, &head, 3, 0)
        isGzip = count == 3 && head == WARCInput.gzipMagic
        if isGzip {
            guard parallax_inflateInit2(&stream, GzipCodec.Framing.gzip.rawValue) == Z_OK else {
                close(descriptor)
                throw ParallaxInputError(reason: "zlib could not start")
            }
        }
    }

    deinit {
        if isGzip { inflateEnd(&stream) }
        close(descriptor)
    }

    /// Appends the next bytes to `buffer`.
    func read(into buffer: inout [UInt8]) -> Event {
        isGzip ? inflate(into: &buffer) : readPlain(into: &buffer)
    }

    private func readPlain(into buffer: inout [UInt8]) -> Event {
        let count = appendRead(into: &buffer, size: WARCInput.readSize)
        return count > 0 ? .data(endsMember: false) : .end
    }

    /// Reads up to `size` bytes from the file onto the end of `target`; 0 at the end or on error.
    private func appendRead(into target: inout [UInt8], size: Int) -> Int {
        let old = target.count
        target.append(contentsOf: repeatElement(0, count: size))
        let count = target.withUnsafeMutableBufferPointer { pointer in
            Foundation.read(descriptor, pointer.baseAddress! + old, size)
        }
        let got = max(count, 0)
        target.removeLast(size - got)
        bytesRead += got
        return got
    }

    /// Keeps at least some unread compressed bytes in `compressed`, unless the file ended.
    private func refill() {
        guard !fileEnded else { return }
        if consumed > 0 {
            compressed.removeFirst(consumed)
            memberStart = memberStart.flatMap { $0 >= consumed ? $0 - consumed : nil }
            consumed = 0
        }
        if appendRead(into: &compressed, size: WARCInput.readSize) == 0 { fileEnded = true }
    }

    private var unread: Int { compressed.count - consumed }

    private func inflate(into buffer: inout [UInt8]) -> Event {
        while true {
            if unread == 0 { refill() }
            if unread == 0 {
                guard memberOpen else { return .end }
                memberOpen = false
                inflateReset(&stream)
                return .corrupt("the gzip data ends inside a record (truncated file)")
            }
            if !memberOpen {
                // A member must start here; anything else is skipped up to the next header.
                let skipped = skipToMember()
                defer { skippingDamage = false }
                if skipped > 0, !skippingDamage { return .corrupt("\(skipped) bytes that are not gzip data") }
                if unread == 0 { continue }
                memberStart = consumed
            }
            let before = unread
            let (status, produced) = compressed.withUnsafeMutableBufferPointer { input in
                scratch.withUnsafeMutableBufferPointer { output -> (Int32, Int) in
                    stream.next_in = input.baseAddress! + consumed
                    stream.avail_in = UInt32(before)
                    stream.next_out = output.baseAddress!
                    stream.avail_out = UInt32(output.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, output.count - Int(stream.avail_out))
                }
            }
            consumed += before - Int(stream.avail_in)
            switch status {
            case Z_STREAM_END:
                memberOpen = false
                inflateReset(&stream)
                buffer.append(contentsOf: scratch[0..<produced])
                return .data(endsMember: true)
            case Z_OK, Z_BUF_ERROR:
                memberOpen = true
                if produced > 0 {
                    buffer.append(contentsOf: scratch[0..<produced])
                    return .data(endsMember: false)
                }
                if status == Z_BUF_ERROR, unread > 0 { return corrupt("no progress") }
                if unread == 0 { refill() }
            default:
                return corrupt(stream.msg.map { String(cString: $0) } ?? "zlib status \(status)")
            }
        }
    }

    private func corrupt(_ why: String) -> Event {
        memberOpen = false
        inflateReset(&stream)
        // Look for the next member from just after the broken one's header: inflate may
        // have read past the broken member into the next.
        consumed = min(compressed.count, (memberStart ?? consumed) + 1)
        memberStart = nil
        skippingDamage = true
        return .corrupt("corrupt gzip data (\(why))")
    }

    /// Advances to the next gzip member header; returns how many bytes were skipped.
    private func skipToMember() -> Int {
        var skipped = 0
        while true {
            if unread < 3 { refill() }
            if unread < 3 {
                guard unread > 0 else { return skipped }
                // A few stray bytes at the very end: padding, or a broken last member.
                let zeros = compressed[consumed...].allSatisfy { $0 == 0 }
                skipped += zeros ? 0 : unread
                consumed = compressed.count
                return skipped
            }
            if compressed[consumed] == 0x1F, compressed[consumed + 1] == 0x8B, compressed[consumed + 2] == 0x08 { return skipped }
            let next = compressed[(consumed + 1)...].firstIndex(of: 0x1F) ?? compressed.count
            // Keep a possible header split across two reads.
            let advance = next == compressed.count ? max(1, unread - 2) : next - consumed
            skipped += advance
            consumed += advance
        }
    }
}

/// Why a file could not be opened.
struct ParallaxInputError: Error {
    var reason: String
}
