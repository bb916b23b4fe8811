// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Lingkar",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "lingkar", targets: ["lingkar"]),
    .library(name: "LingkarParse", targets: ["LingkarParse"]),
    .library(name: "LingkarDigest", targets: ["LingkarDigest"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    // The settings file (lingkar.yaml): YAML with line numbers on every node, libyaml inside.
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    // The web server (`lingkar serve`): HTTP, router, sessions and bcrypt. Not swift-configuration
    // (Hummingbird's default ConfigurationSupport trait): settings come from the command line.
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: ["FullFoundation"]),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0", traits: []),
    .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
  ],
  targets: [
    // Thin C layers: system libraries found through pkg-config, typed shims in shim.h.
    .systemLibrary(
      name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
    .systemLibrary(
      name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(
      name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    // QR codes for the board (libqrencode).
    .systemLibrary(
      name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),

    // The model at the bottom; everything else points down to it.
    // The model, and the message catalogue: every sentence said to a person, in Indonesian and English,
    // embedded in the binary (no resource bundle to install beside it).
    .target(
      name: "LingkarModel",
      resources: [
        .embedInCode("Resources/messages/common.id.txt"), .embedInCode("Resources/messages/common.en.txt"),
        .embedInCode("Resources/messages/cli.id.txt"), .embedInCode("Resources/messages/cli.en.txt"),
        .embedInCode("Resources/messages/help.id.txt"), .embedInCode("Resources/messages/help.en.txt"),
        .embedInCode("Resources/messages/errors.id.txt"), .embedInCode("Resources/messages/errors.en.txt"),
        .embedInCode("Resources/messages/digest.id.txt"), .embedInCode("Resources/messages/digest.en.txt"),
        .embedInCode("Resources/messages/agenda.id.txt"), .embedInCode("Resources/messages/agenda.en.txt"),
        .embedInCode("Resources/messages/mail.id.txt"), .embedInCode("Resources/messages/mail.en.txt"),
        .embedInCode("Resources/messages/setup.id.txt"), .embedInCode("Resources/messages/setup.en.txt"),
        .embedInCode("Resources/messages/web.id.txt"), .embedInCode("Resources/messages/web.en.txt"),
      ]),
    .target(name: "LingkarParse", dependencies: ["LingkarModel", "CLibXML2"]),
    .target(name: "LingkarDigest", dependencies: ["LingkarModel"]),
    .target(name: "LingkarFeedList", dependencies: ["LingkarModel"]),
    .target(name: "LingkarFetch", dependencies: ["LingkarModel", "CCurl"]),
    .target(name: "LingkarStore", dependencies: ["LingkarModel", "CSQLite"]),
    // A QR code as SVG paths (the board's codes), on libqrencode.
    .target(name: "LingkarQR", dependencies: ["CQREncode"]),
    // The school's settings file (lingkar.yaml) -> Settings values, with line numbers in every error.
    .target(name: "LingkarSettings", dependencies: ["LingkarModel", .product(name: "Yams", package: "Yams")]),
    // One e-mail (MIME, multipart/alternative) sent over libcurl's SMTP.
    .target(name: "LingkarMail", dependencies: ["LingkarModel", "CCurl"]),
    // Pure ranking: text in, scores out. Word lists are embedded in the binary (no bundle lookup).
    .target(
      name: "LingkarRank", dependencies: ["LingkarModel"],
      exclude: ["Resources/LICENSE-sastrawi.txt", "Resources/README.md"],
      resources: [
        .embedInCode("Resources/id-stopwords.txt"), .embedInCode("Resources/en-stopwords.txt"),
        .embedInCode("Resources/id-roots.txt"), .embedInCode("Resources/default-topics.txt"),
        .embedInCode("Resources/related-terms.txt"),
      ]),
    .target(
      name: "LingkarPipeline",
      dependencies: [
        "LingkarModel", "LingkarParse", "LingkarFeedList", "LingkarFetch", "LingkarStore", "LingkarRank",
        "LingkarDigest", "LingkarSettings", "LingkarMail", "LingkarQR",
      ],
      // The starter feeds `lingkar init` writes (the same text as the repository's feeds.txt; a test holds it).
      resources: [.embedInCode("Resources/starter-feeds.txt")]),
    // The web pages (`lingkar serve`): routes, sessions, forms, pages over the pipeline's operations.
    .target(
      name: "LingkarWeb",
      dependencies: [
        "LingkarModel", "LingkarPipeline", "LingkarDigest",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    .target(name: "LingkarTestSupport", dependencies: ["LingkarModel", "LingkarStore"]),
    .executableTarget(
      name: "lingkar",
      dependencies: [
        "LingkarModel", "LingkarPipeline", "LingkarWeb",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .testTarget(
      name: "LingkarParseTests", dependencies: ["LingkarParse", "LingkarModel"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "LingkarFeedListTests", dependencies: ["LingkarFeedList", "LingkarModel"]),
    .testTarget(name: "LingkarFetchTests", dependencies: ["LingkarFetch", "LingkarModel", "LingkarTestSupport"]),
    .testTarget(name: "LingkarStoreTests", dependencies: ["LingkarStore", "LingkarModel", "LingkarTestSupport"]),
    .testTarget(
      name: "LingkarRankTests", dependencies: ["LingkarRank", "LingkarModel"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "LingkarDigestTests", dependencies: ["LingkarDigest", "LingkarModel", "CLibXML2", "LingkarTestSupport"],
      exclude: ["Snapshots"]),
    .testTarget(name: "LingkarModelTests", dependencies: ["LingkarModel", "LingkarTestSupport"]),
    .testTarget(name: "LingkarSettingsTests", dependencies: ["LingkarSettings", "LingkarModel"]),
    .testTarget(
      name: "LingkarMailTests", dependencies: ["LingkarMail", "LingkarModel", "LingkarTestSupport"]),
    .testTarget(
      name: "LingkarPipelineTests",
      dependencies: [
        "LingkarPipeline", "LingkarStore", "LingkarModel", "LingkarDigest", "LingkarFeedList", "LingkarFetch",
        "LingkarParse", "LingkarRank", "LingkarTestSupport", "LingkarQR",
      ]),
    .testTarget(
      name: "LingkarWebTests",
      dependencies: [
        "LingkarWeb", "LingkarPipeline", "LingkarModel", "LingkarStore", "LingkarTestSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]),
  ]
)

// Strictness set once for every Swift target (as swift-log does).
for target in package.targets where target.type != .system {
  target.swiftSettings =
    (target.swiftSettings ?? []) + [
      .enableUpcomingFeature("ExistentialAny"),
      .enableUpcomingFeature("InternalImportsByDefault"),
      .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
