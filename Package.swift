// swift-tools-version:6.2
// Parallax: one event, every outlet that covered it.
//
// The targets follow the pipeline (see README.md): Core at the bottom, one module per
// stage above it, the Pipeline that composes them, and the thin `parallax` command on top.
import PackageDescription

let package = Package(
    name: "Parallax",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parallax", targets: ["parallax"]),
        .library(name: "ParallaxPipeline", targets: ["ParallaxPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // System libraries (Debian: libxml2-dev, libstemmer-dev, zlib1g-dev, libdeflate-dev;
        // `make deps` installs them).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Whole-buffer gzip decompression, faster than zlib's stream (see GzipCodec).
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),

        // Value types shared by every stage. No I/O.
        .target(name: "ParallaxCore"),
        // Read: files, directories, stdin → RawDocument. Extract: RawDocument → Article.
        .target(name: "ParallaxExtract", dependencies: ["ParallaxCore", "ParallaxLanguage", "ParallaxSources", "CLibXML2"]),
        // Language identification, tokens, sentences, stems, stopwords.
        .target(
            name: "ParallaxLanguage",
            dependencies: ["ParallaxCore", "CStemmer"],
            resources: [.copy("Resources")]
        ),
        // Entities, quotes, numbers, time expressions.
        .target(
            name: "ParallaxAnnotate",
            dependencies: ["ParallaxCore", "ParallaxLanguage"],
            resources: [.copy("Resources")]
        ),
        // Features, near-duplicates, pair similarity and online story clustering.
        .target(name: "ParallaxCluster", dependencies: ["ParallaxCore", "ParallaxLanguage", "ParallaxAnnotate"]),
        // Same-story similarity, claim alignment, the StoryReport and its renderers.
        // Optional dense embeddings (an engine loaded at run time, never a build dependency).
        .target(name: "ParallaxEmbed", dependencies: ["ParallaxCore"]),

        .target(name: "ParallaxCompare", dependencies: ["ParallaxCore", "ParallaxLanguage", "ParallaxAnnotate"]),
        // Articles, stories and reports at rest: SQLite (GRDB) by default, behind one protocol.
        .target(name: "ParallaxStore", dependencies: ["ParallaxCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The same store contract on PostgreSQL (postgres-nio), for a store a team shares.
        .target(
            name: "ParallaxPostgres",
            dependencies: ["ParallaxCore", "ParallaxStore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // Where documents come from, without the network: feeds, OPML, sitemaps, WARC archives.
        .target(name: "ParallaxSources", dependencies: ["ParallaxCore", "CLibXML2", "CZlib", "CDeflate"]),
        // Polite HTTP fetching: robots.txt, per-host pacing, conditional GET, retries.
        .target(
            name: "ParallaxFetch",
            dependencies: [
                "ParallaxCore", "ParallaxSources",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ]
        ),
        // The one place where the stages are composed (CLI, server and pipes share it).
        .target(
            name: "ParallaxPipeline",
            dependencies: [
                "ParallaxCore", "ParallaxExtract", "ParallaxLanguage", "ParallaxAnnotate", "ParallaxCluster", "ParallaxCompare",
                "ParallaxStore", "ParallaxPostgres", "ParallaxSources", "ParallaxFetch",
            ]
        ),
        // `parallax serve`: the JSON API and the web UI on Hummingbird.
        .target(
            name: "ParallaxServer",
            dependencies: ["ParallaxCore", "ParallaxCompare", "ParallaxStore", "ParallaxPipeline", .product(name: "Hummingbird", package: "hummingbird")],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "parallax",
            dependencies: [
                "ParallaxCore", "ParallaxLanguage", "ParallaxExtract", "ParallaxCluster", "ParallaxCompare", "ParallaxEmbed", "ParallaxStore",
                "ParallaxPipeline", "ParallaxServer", "ParallaxSources", "ParallaxFetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Tests: one target per module; real articles are read from ../shared/data.
        .target(name: "TestSupport", dependencies: ["ParallaxCore"], path: "Tests/TestSupport"),
        .testTarget(name: "ParallaxCoreTests", dependencies: ["ParallaxCore", "TestSupport"]),
        .testTarget(
            name: "ParallaxExtractTests",
            dependencies: ["ParallaxExtract", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ParallaxLanguageTests", dependencies: ["ParallaxLanguage", "TestSupport"]),
        .testTarget(name: "ParallaxAnnotateTests", dependencies: ["ParallaxAnnotate", "TestSupport"]),
        .testTarget(name: "ParallaxClusterTests", dependencies: ["ParallaxCluster", "ParallaxLanguage", "TestSupport"]),
        .testTarget(name: "ParallaxEmbedTests", dependencies: ["ParallaxEmbed", "TestSupport"]),
        .testTarget(
            name: "ParallaxStoreTests",
            dependencies: [
                "ParallaxStore", "ParallaxPostgres", "TestSupport",
                // The upgrade tests write old stores with each backend's own client.
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(name: "ParallaxSourcesTests", dependencies: ["ParallaxSources", "CLibXML2", "CZlib", "TestSupport"]),
        .testTarget(
            name: "ParallaxFetchTests",
            dependencies: [
                "ParallaxFetch", "ParallaxCore", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ParallaxServerTests",
            dependencies: ["ParallaxServer", "ParallaxPipeline", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(name: "ParallaxCompareTests", dependencies: ["ParallaxCompare", "ParallaxPipeline", "TestSupport"]),
        .testTarget(name: "ParallaxPipelineTests", dependencies: ["ParallaxPipeline", "ParallaxStore", "TestSupport"]),
        .testTarget(name: "ParallaxCLITests", dependencies: ["TestSupport"]),
    ]
)
