// swift-tools-version:6.0
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "vaktaal",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "VaktaalCore", targets: ["VaktaalCore"]),
        .executable(name: "vaktaal", targets: ["vaktaal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The only module that talks to libxml2; everything above it sees Swift types.
        .target(name: "VaktaalXML", dependencies: ["CLibXML2"], swiftSettings: strictSwift),
        // The terminology model, the folder loader, writer and validator, the lookup index.
        .target(name: "VaktaalCore", dependencies: ["VaktaalXML"], swiftSettings: strictSwift),
        // Linting documents: readers, the term matcher, the rules, fixes and reporters.
        .target(name: "VaktaalLint", dependencies: ["VaktaalCore", "VaktaalXML"], swiftSettings: strictSwift),
        // Exchange formats (SKOS, Turtle, JSON-LD, TBX, CSV, HTML, Markdown, Vale, textlint).
        .target(name: "VaktaalExchange", dependencies: ["VaktaalCore", "VaktaalXML"], swiftSettings: strictSwift),
        // The project's own Vocabulary/, compiled in at build time as the default vocabulary.
        .executableTarget(name: "vaktaal-embed", path: "Sources/vaktaal-embed"),
        .plugin(name: "EmbedVocabularyPlugin", capability: .buildTool(), dependencies: ["vaktaal-embed"]),
        .target(
            name: "VaktaalEmbeddedVocabulary",
            swiftSettings: strictSwift,
            plugins: ["EmbedVocabularyPlugin"]
        ),
        // `.vaktaal.toml`, found upward from the files a command works on.
        .target(name: "VaktaalConfig", dependencies: ["TOMLKit"], swiftSettings: strictSwift),
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
        // Library-level timings for scripts/benchmark.sh (index build, single queries, exporters).
        .executableTarget(name: "vaktaal-bench", dependencies: ["VaktaalCore", "VaktaalExchange"], swiftSettings: strictSwift),
        // Helpers the test targets share (paths to the repository and to ../shared).
        .target(name: "VaktaalTestSupport", path: "Tests/VaktaalTestSupport", swiftSettings: strictSwift),
        .testTarget(name: "VaktaalXMLTests", dependencies: ["VaktaalXML"], swiftSettings: strictSwift),
        .testTarget(name: "VaktaalCoreTests", dependencies: ["VaktaalCore", "VaktaalTestSupport"], swiftSettings: strictSwift),
        .testTarget(
            name: "VaktaalLintTests", dependencies: ["VaktaalLint", "VaktaalTestSupport"], exclude: ["Golden"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "VaktaalExchangeTests", dependencies: ["VaktaalExchange", "VaktaalTestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "VaktaalConfigTests", dependencies: ["VaktaalConfig"], swiftSettings: strictSwift),
        // Runs the built `vaktaal` binary end to end: exit codes, stdout and stderr.
        .testTarget(name: "VaktaalCLITests", dependencies: ["vaktaal", "VaktaalTestSupport"], swiftSettings: strictSwift),
    ]
)
