/// Size limits of everything this module reads, in one place. Each protects memory from a
/// hostile or broken input; going over one is an error about that input, never a crash.
public enum SourceLimits {
    /// A feed, OPML list or (decompressed) sitemap larger than this is refused. The
    /// sitemap protocol itself caps a sitemap at 50 MB uncompressed.
    public static let maximumXMLBytes = 50 * 1024 * 1024
    /// A JSON Feed larger than this is refused.
    public static let maximumJSONFeedBytes = 50 * 1024 * 1024
    /// A WARC record whose block is larger than this is skipped (with an error).
    public static let defaultMaximumWARCRecordBytes = 20 * 1024 * 1024
    /// A WARC header block longer than this is taken for corruption.
    static let maximumWARCHeaderBytes = 64 * 1024
}
