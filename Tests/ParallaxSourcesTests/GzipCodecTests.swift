import Testing
@testable import ParallaxSources

/// `GzipCodec.decompress` takes libdeflate's whole-buffer path when the gzip trailer states
/// the size and zlib's stream otherwise; both must give the same bytes and the same errors.
@Suite struct GzipCodecTests {
    /// Text that compresses well but not trivially: every line differs.
    static let text: [UInt8] = Array((0..<4000).map { "line \($0): the council met on Tuesday \($0 % 7) times\n" }.joined().utf8)

    @Test func oneMemberReadsBack() throws {
        #expect(try GzipCodec.decompress(GzipCodec.compress(Self.text), limit: 1 << 20) == Self.text)
    }

    @Test func concatenatedMembersReadBackWhole() throws {
        // The trailer states only the last member's size, so the whole-buffer path must not
        // stop after the first member.
        let first = Array(Self.text.prefix(50_000)), second = Array(Self.text.dropFirst(50_000))
        let joined = GzipCodec.compress(first) + GzipCodec.compress(second)
        #expect(try GzipCodec.decompress(joined, limit: 1 << 20) == Self.text)
    }

    @Test func aTrailerThatMisstatesTheSizeIsAnError() {
        var zipped = GzipCodec.compress(Self.text)
        zipped[zipped.count - 4] &+= 1
        #expect(throws: GzipCodec.Failure.self) { try GzipCodec.decompress(zipped, limit: 1 << 20) }
    }

    @Test func theLimitHoldsOnBothPaths() {
        let zipped = GzipCodec.compress(Self.text)
        #expect(throws: GzipCodec.Failure.tooLarge(limit: 1000)) { try GzipCodec.decompress(zipped, limit: 1000) }
    }

    @Test func aCutFileIsTruncated() {
        let zipped = GzipCodec.compress(Self.text)
        #expect(throws: GzipCodec.Failure.truncated) { try GzipCodec.decompress(Array(zipped.prefix(zipped.count / 2)), limit: 1 << 20) }
    }
}
