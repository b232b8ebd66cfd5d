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
        .executable(name: "vaktaal", targets: ["vaktaal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
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
        .systemLibrary(
            name: "CSerd",
            pkgConfig: "serd-0",
            providers: [.apt(["libserd-dev"]), .brew(["serd"])]
        ),
        // RDF terms and statements, IRI resolution, graph isomorphism, the RDF/XML parser (on
        // VaktaalXML) and the serd wrapper for Turtle, TriG, N-Triples and N-Quads.
        .target(name: "VaktaalRDF", dependencies: ["CSerd", "VaktaalXML", "VaktaalText"], swiftSettings: strictSwift),
        // The terminology model, the folder loader, writer and checks, findings, the lookup index.
        .target(name: "VaktaalCore", dependencies: ["VaktaalXML", "VaktaalText"], swiftSettings: strictSwift),
        // `.vaktaal.toml`, found upward from the files a command works on, and where the vocabulary is.
        .target(name: "VaktaalConfig", dependencies: ["TOMLKit"], swiftSettings: strictSwift),
        // Linting documents: readers, the term matcher, the rules, fixes, reporters and the lint run.
        .target(
            name: "VaktaalLint", dependencies: ["VaktaalCore", "VaktaalConfig", "VaktaalText", "VaktaalXML"],
            swiftSettings: strictSwift),
        // Exchange formats (SKOS, Turtle, JSON-LD, TBX, CSV, HTML, Markdown, Vale, textlint) and the export run.
        .target(
            name: "VaktaalExchange", dependencies: ["VaktaalCore", "VaktaalRDF", "VaktaalText", "VaktaalXML"],
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
        // The command line: argument parsing, presentation and exit codes only.
        .executableTarget(
            name: "vaktaal",
            dependencies: [
                "VaktaalCore",
                "VaktaalConfig",
                "VaktaalExchange",
                "VaktaalLint",
                "VaktaalEmbeddedVocabulary",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwift
        ),
        // Helpers the test targets share (paths to the repository).
        .target(name: "VaktaalTestSupport", path: "Tests/VaktaalTestSupport", swiftSettings: strictSwift),
        .testTarget(name: "VaktaalTextTests", dependencies: ["VaktaalText"], swiftSettings: strictSwift),
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
        .testTarget(name: "VaktaalConfigTests", dependencies: ["VaktaalConfig"], swiftSettings: strictSwift),
        // Runs the built `vaktaal` binary end to end: exit codes, stdout and stderr.
        .testTarget(
            name: "VaktaalCLITests",
            dependencies: [
                "vaktaal", "VaktaalTestSupport", "VaktaalConfig", "VaktaalCore", "VaktaalExchange",
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
