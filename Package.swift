// swift-tools-version:6.0
import PackageDescription

import class Foundation.ProcessInfo

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

/// The benchmark target is built only when asked for (`VAKTAAL_BENCHMARKS=1 swift build -c release`),
/// so that a plain `swift build` makes what users install and nothing else.
let benchmarks = ProcessInfo.processInfo.environment["VAKTAAL_BENCHMARKS"] != nil

let package = Package(
    name: "vaktaal",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "VaktaalCore", targets: ["VaktaalCore"]),
        .library(name: "VaktaalLint", targets: ["VaktaalLint"]),
        .library(name: "VaktaalExchange", targets: ["VaktaalExchange"]),
        .library(name: "VaktaalRDF", targets: ["VaktaalRDF"]),
        .library(name: "VaktaalSync", targets: ["VaktaalSync"]),
        .executable(name: "vaktaal", targets: ["vaktaal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // UTF-8 validation, source positions and ranges, and the one line index every reader uses.
        .target(name: "VaktaalText", swiftSettings: strictSwift),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The only module that talks to libxml2; everything above it sees Swift types.
        .target(name: "VaktaalXML", dependencies: ["CLibXML2", "VaktaalText"], swiftSettings: strictSwift),
        // The C library's allocator settings (glibc's mallopt), for the command line.
        .systemLibrary(name: "CAllocator"),
        // A prefetch hint for the matcher's scan, which Swift does not spell.
        .systemLibrary(name: "CCacheHints"),
        .systemLibrary(
            name: "CSerd",
            pkgConfig: "serd-0",
            providers: [.apt(["libserd-dev"]), .brew(["serd"])]
        ),
        // RDF terms and statements, IRI resolution, graph isomorphism, the RDF/XML parser (on
        // VaktaalXML) and the serd wrapper for Turtle, TriG, N-Triples and N-Quads.
        .target(name: "VaktaalRDF", dependencies: ["CSerd", "VaktaalXML", "VaktaalText"], swiftSettings: strictSwift),
        // The terminology model, the folder loader, writer and checks, findings, the lookup index.
        .target(name: "VaktaalCore", dependencies: ["VaktaalXML", "VaktaalText", "CCacheHints"], swiftSettings: strictSwift),
        // `.vaktaal.toml`, found upward from the files a command works on, and where the vocabulary is.
        .target(name: "VaktaalConfig", dependencies: ["TOMLKit", "VaktaalText"], swiftSettings: strictSwift),
        // Linting documents: readers, the term matcher, the rules, fixes, reporters and the lint run.
        .target(
            name: "VaktaalLint",
            dependencies: ["VaktaalCore", "VaktaalConfig", "VaktaalText", "VaktaalXML", "ZIPFoundation"],
            swiftSettings: strictSwift),
        // Exchange formats (SKOS, Turtle, JSON-LD, TBX, CSV, HTML, Markdown, Vale, textlint) and the export run.
        .target(
            name: "VaktaalExchange", dependencies: ["VaktaalCore", "VaktaalRDF", "VaktaalText", "VaktaalXML"],
            swiftSettings: strictSwift),
        // Concept-level diff, applying a diff, and three-way merge of vocabularies, on the model alone.
        .target(name: "VaktaalSync", dependencies: ["VaktaalCore", "VaktaalText"], swiftSettings: strictSwift),
        // Talking to a vaktaal service from the command line: fetch a scheme (diff of a URL, pull) and publish it.
        .target(
            name: "VaktaalRemote",
            dependencies: [
                "VaktaalCore", "VaktaalSync", .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSwift),
        // The project's own Vocabulary/, compiled in at build time as the default vocabulary.
        .executableTarget(name: "vaktaal-embed", path: "Sources/vaktaal-embed"),
        .plugin(
            name: "EmbedVocabularyPlugin", capability: .buildTool(), dependencies: ["vaktaal-embed"],
            path: "Sources/EmbedVocabularyPlugin"),
        .target(
            name: "VaktaalEmbeddedVocabulary",
            swiftSettings: strictSwift,
            plugins: ["EmbedVocabularyPlugin"]
        ),
        .plugin(
            name: "EmbedResourcesPlugin", capability: .buildTool(), dependencies: ["vaktaal-embed"],
            path: "Sources/EmbedResourcesPlugin"),
        // The HTTP service (Hummingbird 2): routes, content negotiation, publishing, storage, operations.
        .target(
            name: "VaktaalServer",
            dependencies: [
                "VaktaalCore", "VaktaalLint", "VaktaalExchange", "VaktaalSync", "VaktaalText", "VaktaalXML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            exclude: ["Resources"],
            swiftSettings: strictSwift,
            plugins: ["EmbedResourcesPlugin"]),
        // The command line: argument parsing, presentation and exit codes only.
        .executableTarget(
            name: "vaktaal",
            dependencies: [
                "CAllocator",
                "VaktaalCore",
                "VaktaalConfig",
                "VaktaalExchange",
                "VaktaalLint",
                "VaktaalSync",
                "VaktaalText",
                "VaktaalRemote",
                "VaktaalEmbeddedVocabulary",
                "VaktaalServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwift
        ),
        // Helpers the test targets share (paths to the repository).
        .target(name: "VaktaalTestSupport", path: "Tests/VaktaalTestSupport", swiftSettings: strictSwift),
        .testTarget(name: "VaktaalTextTests", dependencies: ["VaktaalText", "VaktaalTestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "VaktaalXMLTests", dependencies: ["VaktaalXML"], swiftSettings: strictSwift),
        .testTarget(
            name: "VaktaalRDFTests", dependencies: ["VaktaalRDF", "VaktaalTestSupport"], swiftSettings: strictSwift),
        .testTarget(
            name: "VaktaalCoreTests", dependencies: ["VaktaalCore", "VaktaalTestSupport"], swiftSettings: strictSwift),
        .testTarget(
            name: "VaktaalLintTests", dependencies: ["VaktaalLint", "VaktaalTestSupport"], exclude: ["Golden"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "VaktaalExchangeTests", dependencies: ["VaktaalExchange", "VaktaalTestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "VaktaalConfigTests", dependencies: ["VaktaalConfig", "VaktaalTestSupport"], swiftSettings: strictSwift),
        .testTarget(
            name: "VaktaalServerTests",
            dependencies: [
                "VaktaalServer", "VaktaalTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSwift),
        .testTarget(
            name: "VaktaalSyncTests",
            dependencies: [
                "VaktaalSync", "VaktaalTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSwift),
        // Runs the built `vaktaal` binary end to end: exit codes, stdout and stderr.
        .testTarget(
            name: "VaktaalCLITests",
            dependencies: [
                "vaktaal", "CAllocator", "VaktaalTestSupport", "VaktaalConfig", "VaktaalCore", "VaktaalExchange", "VaktaalSync",
                "VaktaalRemote",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwift),
    ]
)

if benchmarks {
    // Library-level timings for Sources/vaktaal-bench/Scripts/benchmark.sh (index build, queries, exporters).
    package.targets.append(
        .executableTarget(
            name: "vaktaal-bench", dependencies: ["VaktaalCore", "VaktaalExchange", "VaktaalLint", "VaktaalRDF"],
            exclude: ["Scripts"], swiftSettings: strictSwift))
}
